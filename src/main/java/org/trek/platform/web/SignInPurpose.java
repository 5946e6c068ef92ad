package org.trek.platform.web;

import java.util.Optional;

/**
 * What a sign-in is for, told by the feature that sent the visitor to the sign-in page: the page reads its
 * {@code next} path (already checked same-origin) and says "Sign in to continue to &lt;app&gt;" when a feature
 * names the application waiting behind it (an OAuth authorization). Features implement it as a CDI bean.
 */
public interface SignInPurpose {

    /** The name of the application the visitor will continue to after signing in, if {@code nextPath} leads to one. */
    Optional<String> continuingTo(String nextPath);
}
