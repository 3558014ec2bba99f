package de.smartcitylod.store;

import org.apache.jena.rdf.model.*;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;

import java.nio.file.Path;
import java.util.List;

/**
 * The Fuseki assembler file ({@code fuseki-config/config.ttl}) with its store paths pointed at a
 * given folder. Both the build (to create the text-indexed TDB2 store exactly as it will be served)
 * and the server read the configuration through this one class.
 */
public final class StoreConfig {
    public static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    public static final String TEXT = "http://jena.apache.org/text#";
    public static final String FUSEKI = "http://jena.apache.org/fuseki#";
    public static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";
    public static final String TEXT_INDEX_DIR = "text-index";

    private StoreConfig() {}

    /** Reads the config and rewrites {@code tdb2:location} to {@code store} and {@code text:directory} to {@code store/text-index}. */
    public static Model load(Path configFile, Path store) {
        Model m = RDFDataMgr.loadModel(configFile.toUri().toString());
        Property location = m.createProperty(TDB2, "location");
        Property directory = m.createProperty(TEXT, "directory");
        for (Statement st : List.copyOf(m.listStatements(null, location, (RDFNode) null).toList())) {
            m.remove(st);
            m.add(st.getSubject(), location, store.toString());
        }
        for (Statement st : List.copyOf(m.listStatements(null, directory, (RDFNode) null).toList())) {
            m.remove(st);
            m.add(st.getSubject(), directory, m.createResource(store.resolve(TEXT_INDEX_DIR).toUri().toString()));
        }
        return m;
    }

    /** The dataset description the service uses (the text dataset wrapping TDB2). */
    public static Resource datasetResource(Model config) {
        List<Resource> texts = config.listResourcesWithProperty(RDF.type, config.createResource(TEXT + "TextDataset")).toList();
        if (texts.size() != 1) throw new IllegalStateException("config must describe exactly one text:TextDataset, found " + texts.size());
        return texts.get(0);
    }

    /** Names the value of a server-level context setting ({@code ja:cxtName}), or null. */
    public static String serverContext(Model config, String name) {
        Property cxtName = config.createProperty(JA, "cxtName"), cxtValue = config.createProperty(JA, "cxtValue");
        for (Resource r : config.listResourcesWithProperty(cxtName, name).toList()) {
            Statement v = r.getProperty(cxtValue);
            if (v != null) return v.getString();
        }
        return null;
    }

    /** Sets a server-level context setting, replacing its value or adding it to the fuseki:Server. */
    public static void setServerContext(Model config, String name, String value) {
        Property cxtName = config.createProperty(JA, "cxtName"), cxtValue = config.createProperty(JA, "cxtValue");
        var existing = config.listResourcesWithProperty(cxtName, name).toList();
        for (Resource r : existing) { r.removeAll(cxtValue); r.addProperty(cxtValue, value); }
        if (existing.isEmpty()) {
            Resource server = config.listResourcesWithProperty(RDF.type, config.createResource(FUSEKI + "Server")).next();
            server.addProperty(config.createProperty(JA, "context"), config.createResource().addProperty(cxtName, name).addProperty(cxtValue, value));
        }
    }
}
