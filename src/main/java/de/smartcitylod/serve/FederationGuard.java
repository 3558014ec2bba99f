package de.smartcitylod.serve;

import org.apache.jena.graph.Node;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets SERVICE call only the endpoints on an allow-list. A public endpoint must not fetch arbitrary
 * URLs (loopback, private addresses, anything) on a stranger's behalf; the check runs before any
 * connection is made, on the endpoint URL after variable substitution.
 */
public final class FederationGuard implements ChainingServiceExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FederationGuard.class);
    /** Config key ({@code ja:cxtName}) of the space-separated allow-list in fuseki-config/config.ttl. */
    public static final String CONTEXT_KEY = "smartcity:serviceAllowList";

    private final Set<String> allowed;

    public FederationGuard(Set<String> allowed) { this.allowed = Set.copyOf(new LinkedHashSet<>(allowed)); }

    public static FederationGuard parse(String spaceSeparated) {
        Set<String> s = new LinkedHashSet<>();
        if (spaceSeparated != null) for (String u : spaceSeparated.trim().split("\\s+")) if (!u.isEmpty()) s.add(u);
        return new FederationGuard(s);
    }

    public Set<String> allowed() { return allowed; }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding, ExecutionContext execCxt, ServiceExecutor chain) {
        Node service = opExecute.getService();
        if (service == null || !service.isURI())
            throw new ActionErrorException(403, "SERVICE needs a fixed endpoint IRI from the allow-list; got " + service, null);
        String url = service.getURI();
        if (!allowed.contains(url)) {
            LOG.warn("refused SERVICE <{}>: not on the allow-list", url);
            String msg = "SERVICE <" + url + "> is not allowed: this endpoint only federates with " + String.join(", ", allowed);
            // Inside Fuseki this becomes HTTP 403 with the message; elsewhere it is a plain runtime error.
            throw new ActionErrorException(403, msg, null);
        }
        // The remote request may run now or on the first result: both are watched for an unreachable endpoint.
        QueryIterator results;
        try {
            results = chain.createExecution(opExecute, original, binding, execCxt);
        } catch (RuntimeException e) {
            throw unreachable(url, e);
        }
        return new org.apache.jena.sparql.engine.iterator.QueryIteratorWrapper(results) {
            @Override protected boolean hasNextBinding() {
                try { return super.hasNextBinding(); } catch (RuntimeException e) { throw unreachable(url, e); }
            }
            @Override protected Binding moveToNextBinding() {
                try { return super.moveToNextBinding(); } catch (RuntimeException e) { throw unreachable(url, e); }
            }
        };
    }

    /** A failure to connect becomes a 502 that says so; anything else goes on as it was. */
    private static RuntimeException unreachable(String url, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException || t instanceof java.net.NoRouteToHostException) {
                LOG.warn("SERVICE <{}> unreachable: {}", url, t.toString());
                return new ActionErrorException(502, "SERVICE <" + url + ">: the remote endpoint could not be reached (" + t.getClass().getSimpleName()
                        + "); SERVICE SILENT skips an endpoint that is down", null);
            }
        }
        return e;
    }

    /** Installs the guard in front of the SERVICE executors used for queries on a dataset with this context. */
    public void install(Context datasetContext) {
        ServiceExecutorRegistry reg = ServiceExecutorRegistry.get().copy();
        reg.addSingleLink(this);
        ServiceExecutorRegistry.set(datasetContext, reg);
    }
}
