package de.smartcitylod.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.*;

/** Terms of the standard vocabularies we reuse, and the one prefix map all writers share. */
public final class Vocab {
    private Vocab() {}

    // Jena's vocabulary constants need Jena initialised first; a class loaded before any other Jena use
    // (a test touching Vocab first) would otherwise see a null datatype.
    static { JenaSystem.init(); }

    public static final String QB = "http://purl.org/linked-data/cube#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String NUTS = "http://data.europa.eu/nuts/code/";
    public static final String WIKIDATA = "http://www.wikidata.org/entity/";
    public static final String GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/";
    // catalogue and dataset descriptions (DCAT-AP.de, VoID)
    public static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
    public static final String DCATAP = "http://data.europa.eu/r5r/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String ADMS = "http://www.w3.org/ns/adms#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String EU_DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    public static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    public static final String IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/";

    private static Node u(String s) { return NodeFactory.createURI(s); }

    public static final Node rdfType = RDF.type.asNode();
    public static final Node rdfsLabel = RDFS.label.asNode();
    public static final Node skosPrefLabel = SKOS.prefLabel.asNode();
    public static final Node skosNote = SKOS.note.asNode();
    public static final Node skosEditorialNote = SKOS.editorialNote.asNode();
    public static final Node skosAltLabel = SKOS.altLabel.asNode();
    public static final Node dctIdentifier = DCTerms.identifier.asNode();
    public static final Node dctTitle = DCTerms.title.asNode();
    public static final Node dctDescription = DCTerms.description.asNode();
    public static final Node dctPublisher = DCTerms.publisher.asNode();
    public static final Node dctIssued = DCTerms.issued.asNode();
    public static final Node dctLicense = DCTerms.license.asNode();
    public static final Node foafPage = u(FOAF + "page");
    public static final Node qbDataSet = u(QB + "dataSet");
    public static final Node qbDataSetClass = u(QB + "DataSet");
    public static final Node qbObservation = u(QB + "Observation");
    public static final Node qbStructure = u(QB + "structure");
    public static final Node provWasDerivedFrom = u(PROV + "wasDerivedFrom");
    public static final Node schemaUrl = u(SCHEMA + "url");
    public static final Node schemaFunder = u(SCHEMA + "funder");
    public static final Node schemaStartDate = u(SCHEMA + "startDate");
    public static final Node schemaEndDate = u(SCHEMA + "endDate");
    public static final Node orgOrganization = u(ORG + "Organization");
    public static final Node geoLat = u(GEO + "lat");
    public static final Node geoLong = u(GEO + "long");

    /** Prefixes used by every serialisation we write (dumps, pages, documentation). */
    private static final PrefixMapping PREFIXES = buildPrefixes();

    /** The shared prefix map (locked: callers copy it into their models, none may change it). */
    public static PrefixMapping prefixes() { return PREFIXES; }

    private static PrefixMapping buildPrefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("sc", SC.NS);
        pm.setNsPrefix("rdf", RDF.uri);
        pm.setNsPrefix("rdfs", RDFS.uri);
        pm.setNsPrefix("owl", OWL.NS);
        pm.setNsPrefix("xsd", XSD.NS);
        pm.setNsPrefix("skos", SKOS.uri);
        pm.setNsPrefix("dcterms", DCTerms.NS);
        pm.setNsPrefix("qb", QB);
        pm.setNsPrefix("prov", PROV);
        pm.setNsPrefix("org", ORG);
        pm.setNsPrefix("schema", SCHEMA);
        pm.setNsPrefix("geo", GEO);
        pm.setNsPrefix("dcat", DCAT);
        return pm.lock();
    }
}
