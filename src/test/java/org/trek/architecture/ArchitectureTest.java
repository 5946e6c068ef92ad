package org.trek.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package rules of the README's "Architecture" section, checked on the compiled main classes:
 * <ol>
 * <li>{@code platform} imports nothing else of TREK;</li>
 * <li>{@code audit} (the audit log every feature writes to) imports only {@code platform};</li>
 * <li>{@code mcp} (transport, registry, tool kit) imports only {@code platform} and {@code audit}: no feature;</li>
 * <li>features reach MCP only through its contracts, {@code mcp.registry} and {@code mcp.toolkit};</li>
 * <li>features reach each other only through the named services of {@link #API};</li>
 * <li>no cycles between the top-level packages.</li>
 * </ol>
 */
@AnalyzeClasses(packages = "org.trek", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] FEATURES = {"account", "admin", "oauth", "tokens", "trips", "integrations", "web", "notifications", "geo",
            "atlas", "vacay", "journey", "collab"};

    /**
     * What a feature offers the others (class names relative to the feature's package; nested types included).
     * Everything else in a feature is its own business.
     */
    static final Map<String, Set<String>> API = Map.ofEntries(
            Map.entry("account", Set.of("User", "UserService", "Role", "CurrentUser", "twofactor.TwoFactorService")),
            Map.entry("oauth", Set.of("OAuthPurge", "client.ClientService", "client.ClientException", "client.OAuthClient",
                    "client.ClientOrigin", "grant.GrantService", "grant.GrantView", "grant.ConnectedApp")),
            Map.entry("tokens", Set.of("StaticTokenService", "StaticToken")),
            Map.entry("admin", Set.of()),
            // The events trips fires for features that react to trip changes (notifications), knowing none of them;
            // TripFootprint for the atlas (the trips and places a user can access: stats, places per country);
            // TripAccess for journey (links only trips its caller can open) and collab (with the permission matrix,
            // Permission); TripSummaryCollab, the contract of the summary's collab part that collab implements.
            Map.entry("trips", Set.of("events.TripMemberAdded", "events.BookingChanged", "TripFootprint", "TripAccess",
                    "Permission", "TripSummaryCollab")),
            Map.entry("notifications", Set.of()),
            Map.entry("geo", Set.of()),
            Map.entry("atlas", Set.of()),
            // Its event for notifications (vacay_invite), knowing none of its observers.
            Map.entry("vacay", Set.of("events.VacayInviteSent")),
            Map.entry("journey", Set.of()),
            Map.entry("collab", Set.of()),
            Map.entry("integrations", Set.of()),
            Map.entry("web", Set.of()));

    static String pkg(String feature) {
        return "org.trek." + feature + "..";
    }

    /** Any class of TREK outside the given top-level packages. */
    static DescribedPredicate<JavaClass> trekOutside(String... allowed) {
        String[] packages = new String[allowed.length];
        for (int i = 0; i < allowed.length; i++) {
            packages[i] = pkg(allowed[i]);
        }
        return resideInAPackage("org.trek..").and(not(resideInAnyPackage(packages)));
    }

    static DescribedPredicate<JavaClass> api(String feature) {
        Set<String> names = API.get(feature);
        return DescribedPredicate.describe("the named services of " + feature, c -> names.stream()
                .map(n -> "org.trek." + feature + "." + n)
                .anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    @ArchTest
    static final ArchRule platformImportsNoFeature = noClasses().that().resideInAPackage(pkg("platform"))
            .should().dependOnClassesThat(trekOutside("platform"));

    @ArchTest
    static final ArchRule auditImportsOnlyPlatform = noClasses().that().resideInAPackage(pkg("audit"))
            .should().dependOnClassesThat(trekOutside("audit", "platform"));

    /**
     * Frozen exception: the conformance fixtures ({@code mcp.conformance}, off unless TREK_MCP_CONFORMANCE_FIXTURES)
     * act for the first admin and look users up through account's UserService. Test-only code, kept out of
     * the layers of /mcp; the exception is named here instead of hidden.
     */
    @ArchTest
    static final ArchRule mcpImportsNoFeature = noClasses().that().resideInAPackage(pkg("mcp"))
            .and(not(resideInAPackage("org.trek.mcp.conformance..")))
            .should().dependOnClassesThat(trekOutside("mcp", "platform", "audit"));

    @ArchTest
    static final ArchRule conformanceFixturesOnlyAddUsers = noClasses().that().resideInAPackage("org.trek.mcp.conformance..")
            .should().dependOnClassesThat(trekOutside("mcp", "platform", "audit").and(not(api("account"))));

    /** Inside /mcp: the protocol (classifier, JSON-RPC, revisions, outbound contract) is the bottom layer. */
    @ArchTest
    static final ArchRule mcpProtocolIsTheBottomLayer = noClasses().that().resideInAPackage("org.trek.mcp.protocol..")
            .should().dependOnClassesThat(resideInAPackage("org.trek.mcp..")
                    .and(not(resideInAPackage("org.trek.mcp.protocol.."))));

    /** Inside /mcp: HTTP is the top layer; nothing below knows the servlet (the router answers through Outbound). */
    @ArchTest
    static final ArchRule onlyTheTransportKnowsHttp = noClasses().that().resideOutsideOfPackage("org.trek.mcp.transport..")
            .should().dependOnClassesThat(resideInAPackage("org.trek.mcp.transport.."));

    @ArchTest
    static final ArchRule featuresUseOnlyTheContractsOfMcp = noClasses().that().resideInAnyPackage(featurePackages())
            .should().dependOnClassesThat(resideInAPackage(pkg("mcp"))
                    .and(not(resideInAnyPackage("org.trek.mcp.registry..", "org.trek.mcp.toolkit.."))));

    @ArchTest
    static final ArchRule featuresUseEachOtherOnlyThroughNamedServices = featureRules();

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("org.trek.(*)..").should().beFreeOfCycles();

    static String[] featurePackages() {
        String[] out = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            out[i] = pkg(FEATURES[i]);
        }
        return out;
    }

    static ArchRule featureRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (String f : FEATURES) {
            rules.add(noClasses().that().resideOutsideOfPackage(pkg(f))
                    .should().dependOnClassesThat(resideInAPackage(pkg(f)).and(not(api(f)))));
        }
        return CompositeArchRule.of(rules);
    }
}
