package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Arquillian harness talks to the container on loopback only (STACK.md §4: it reports eth0 otherwise). */
@ExtendWith(ArquillianExtension.class)
class ArquillianLoopbackIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(ArquillianLoopbackIT.class);
    }

    @ArquillianResource
    URL base;

    @Test
    @RunAsClient
    void clientSideBaseUrlIsLoopback() {
        assertEquals("127.0.0.1", base.getHost(), "test requests must go to 127.0.0.1, got " + base);
    }
}
