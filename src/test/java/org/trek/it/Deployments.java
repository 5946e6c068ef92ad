package org.trek.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs for in-container (Arquillian) tests: the already packaged application (Failsafe runs after
 * {@code package}) plus the given test classes. Named ROOT.war so it deploys at "/" like production.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive trekWith(Class<?>... testClasses) {
        File war = new File(System.getProperty("it.war", "target/trek.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
        archive.addClasses(Deployments.class);
        archive.addClasses(testClasses);
        return archive;
    }
}
