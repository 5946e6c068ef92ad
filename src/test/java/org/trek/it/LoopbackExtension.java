package org.trek.it;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;

/**
 * Client-side Arquillian extension: the managed Payara Micro reports the machine's non-loopback address
 * (STACK.md §4), so every URL Arquillian hands to tests would leave loopback. After each deployment this rewrites
 * the reported HTTP contexts to 127.0.0.1 (the container listens on all interfaces).
 */
public class LoopbackExtension implements LoadableExtension {
    public static final String LOOPBACK = "127.0.0.1";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Rewriter.class);
    }

    /** Replaces the host of every reported HTTP context with 127.0.0.1. */
    public static class Rewriter {
        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metaData;

        @Inject
        private Instance<ProtocolMetaData> current;

        public void afterDeploy(@Observes AfterDeploy event) {
            ProtocolMetaData original = current.get();
            if (original == null) {
                return;
            }
            ProtocolMetaData rewritten = new ProtocolMetaData();
            for (Object context : original.getContexts()) {
                if (context instanceof HTTPContext http) {
                    HTTPContext loopback = new HTTPContext(LOOPBACK, http.getPort());
                    for (Servlet servlet : http.getServlets()) {
                        loopback.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
                    }
                    rewritten.addContext(loopback);
                } else {
                    rewritten.addContext(context);
                }
            }
            metaData.set(rewritten);
        }
    }
}
