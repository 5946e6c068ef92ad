package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/**
 * The whole flow driven by the Nimbus OAuth 2.0 SDK, a strict standards-following client: RFC 8414 discovery with
 * issuer check, RFC 7591 registration, PKCE S256 + resource, RFC 9207 iss in the response, client_secret_basic and
 * client_secret_post, refresh, RFC 7662 introspection and RFC 7009 revocation.
 */
class StrictClientIT {

    @Test
    void strictClientCompletesTheFlow() throws Exception {
        TrekServer server = TrekServer.shared();
        OAuthHarness h = new OAuthHarness(server);
        Issuer issuer = new Issuer(server.baseUrl());
        AuthorizationServerMetadata meta = AuthorizationServerMetadata.resolve(issuer); // checks issuer equality
        assertTrue(meta.supportsAuthorizationResponseIssuerParam());
        assertEquals(List.of(CodeChallengeMethod.S256), meta.getCodeChallengeMethods());
        assertTrue(meta.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));

        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Strict client");
        metadata.setRedirectionURI(URI.create("http://127.0.0.1/callback"));
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        metadata.setScope(Scope.parse("trips:read places:read"));
        ClientRegistrationResponse registration = ClientRegistrationResponse.parse(
                new ClientRegistrationRequest(meta.getRegistrationEndpointURI(), metadata, null).toHTTPRequest().send());
        assertTrue(registration.indicatesSuccess());
        ClientInformation client = ((ClientInformationResponse) registration).getClientInformation();
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, client.getMetadata().getTokenEndpointAuthMethod());

        URI resource = URI.create(server.baseUrl() + "/mcp");
        URI redirect = URI.create("http://127.0.0.1:47123/callback");
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, client.getID())
                .endpointURI(meta.getAuthorizationEndpointURI()).redirectionURI(redirect)
                .scope(Scope.parse("trips:read places:read")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).resource(resource).build();
        WebClient browser = OAuthHarness.signedIn(server);
        URI requestUri = request.toURI();
        HttpResponse<String> page = browser.get(requestUri.getRawPath() + "?" + requestUri.getRawQuery());
        assertEquals(200, page.statusCode());
        HttpResponse<String> approved = h.submitConsent(browser, page.body(), "approve", List.of("trips:read", "places:read"));
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(approved.headers().firstValue("Location").orElseThrow()));
        assertTrue(response.indicatesSuccess());
        assertEquals(state, response.getState());
        assertEquals(issuer, response.getIssuer(), "RFC 9207 iss");
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        ClientAuthentication basic = new ClientSecretBasic(client.getID(), client.getSecret());
        TokenResponse tokenResponse = TokenResponse.parse(new TokenRequest(meta.getTokenEndpointURI(), basic,
                new AuthorizationCodeGrant(code, redirect, verifier), null, List.of(resource), null).toHTTPRequest().send());
        assertTrue(tokenResponse.indicatesSuccess(), () -> tokenResponse.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = tokenResponse.toSuccessResponse();
        assertEquals(3600, tokens.getTokens().getBearerAccessToken().getLifetime());
        assertEquals(Scope.parse("trips:read places:read"), tokens.getTokens().getAccessToken().getScope());

        ClientAuthentication post = new ClientSecretPost(client.getID(), client.getSecret());
        RefreshToken refreshToken = tokens.getTokens().getRefreshToken();
        TokenResponse refreshed = TokenResponse.parse(new TokenRequest(meta.getTokenEndpointURI(), post,
                new RefreshTokenGrant(refreshToken), Scope.parse("trips:read")).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess());
        AccessTokenResponse second = refreshed.toSuccessResponse();
        assertNotEquals(refreshToken, second.getTokens().getRefreshToken());
        assertEquals(Scope.parse("trips:read"), second.getTokens().getAccessToken().getScope());

        TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                meta.getIntrospectionEndpointURI(), basic, second.getTokens().getAccessToken()).toHTTPRequest().send());
        TokenIntrospectionSuccessResponse info = introspection.toSuccessResponse();
        assertTrue(info.isActive());
        assertEquals(client.getID(), info.getClientID());
        assertEquals(issuer, info.getIssuer());

        HTTPResponse revoked = new TokenRevocationRequest(meta.getRevocationEndpointURI(), basic,
                second.getTokens().getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertFalse(TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(meta.getIntrospectionEndpointURI(), basic,
                second.getTokens().getAccessToken()).toHTTPRequest().send()).toSuccessResponse().isActive());
        TokenResponse afterRevoke = TokenResponse.parse(new TokenRequest(meta.getTokenEndpointURI(), basic,
                new RefreshTokenGrant(second.getTokens().getRefreshToken())).toHTTPRequest().send());
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), ((TokenErrorResponse) afterRevoke).getErrorObject().getCode());

        // an error response also carries iss (RFC 9207 §2)
        AuthorizationRequest plain = new AuthorizationRequest.Builder(ResponseType.CODE, client.getID())
                .endpointURI(meta.getAuthorizationEndpointURI()).redirectionURI(redirect).state(state)
                .resource(URI.create("https://elsewhere.example/mcp"))
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        URI plainUri = plain.toURI();
        HttpResponse<String> error = browser.get(plainUri.getRawPath() + "?" + plainUri.getRawQuery());
        AuthorizationResponse errorResponse = AuthorizationResponse.parse(URI.create(error.headers().firstValue("Location").orElseThrow()));
        assertFalse(errorResponse.indicatesSuccess());
        assertEquals("invalid_target", ((AuthorizationErrorResponse) errorResponse).getErrorObject().getCode());
        assertEquals(issuer, errorResponse.getIssuer());
        assertEquals(state, errorResponse.getState());
    }
}
