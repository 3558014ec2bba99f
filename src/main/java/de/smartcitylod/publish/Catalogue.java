package de.smartcitylod.publish;

import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.*;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The DCAT-AP.de 3.0 catalogue of a release: a dcat:Catalog, a dcat:Dataset per published dataset
 * with a dcat:Distribution per dump file (download URL, media type, EU file type, size, SHA-256,
 * licence), and a dcat:DataService for the SPARQL endpoint. Download and endpoint URLs use the URL
 * the server is reached at, so every link answers on the running server.
 */
public final class Catalogue {
    private static final String DCAT = Vocab.DCAT, DCATDE = Vocab.DCATDE, DCATAP = Vocab.DCATAP, FOAF = Vocab.FOAF,
            VCARD = Vocab.VCARD, SPDX = Vocab.SPDX, ADMS = Vocab.ADMS, THEME = Vocab.EU_DATA_THEME, FILE_TYPE = Vocab.EU_FILE_TYPE,
            IANA = Vocab.IANA_MEDIA_TYPE, GEOCODING = Vocab.GEOCODING;

    private Catalogue() {}

    /**
     * @param base       base URI of the resources (catalogue IRIs live under it)
     * @param publicUrl  URL the server is reached at, ending in '/'
     * @param dumpsDir   the release's dump folder
     * @param stateKeys  keys of the states the data covers (for dct:spatial)
     */
    public static Model build(String base, String publicUrl, Path dumpsDir, Release release, List<String> stateKeys) throws java.io.IOException {
        return build(base, publicUrl, dumpsDir, release, stateKeys, List.of());
    }

    /** A kept release: listed as a version of the whole dataset, with its own dumps under /release/{id}/dumps/. */
    public record Version(Release release, Path dumpsDir) {}

    /**
     * The catalogue with the releases kept for time travel as versions of the whole dataset
     * (DCAT 3: dcat:hasVersion, dcat:version, dcat:previousVersion, dcat:hasCurrentVersion).
     */
    public static Model build(String base, String publicUrl, Path dumpsDir, Release release, List<String> stateKeys, List<Version> versions) throws java.io.IOException {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCTerms.NS).setNsPrefix("dcatde", DCATDE).setNsPrefix("dcatap", DCATAP)
         .setNsPrefix("foaf", FOAF).setNsPrefix("vcard", VCARD).setNsPrefix("spdx", SPDX).setNsPrefix("xsd", XSDDatatype.XSD + "#")
         .setNsPrefix("adms", ADMS);
        String date = release.date().substring(0, 10);
        String first = release.first().substring(0, 10);   // dct:issued: when the data were first published; dct:modified: this release
        Resource publisher = m.createResource(base + "catalog/publisher")
                .addProperty(RDF.type, m.createResource(FOAF + "Agent"))
                .addProperty(m.createProperty(FOAF, "name"), "smartcity-lod", "de")
                .addProperty(m.createProperty(FOAF, "name"), "smartcity-lod", "en")
                .addProperty(DCTerms.type, m.createResource("http://purl.org/adms/publishertype/NonProfitOrganisation"));
        Resource contact = m.createResource(base + "catalog/contact")
                .addProperty(RDF.type, m.createResource(VCARD + "Kind")).addProperty(RDF.type, m.createResource(VCARD + "Organization"))
                .addProperty(m.createProperty(VCARD, "fn"), "smartcity-lod")
                .addProperty(m.createProperty(VCARD, "hasURL"), m.createResource(publicUrl));
        Resource catalog = described(m, base + "catalog", "Catalog",
                "smartcity-lod: Smart-City-Daten deutscher Kommunen", "smartcity-lod: smart-city data of German municipalities",
                "Linked Open Data zu Smart City Index, Smart-City-Atlas, Projekten und Förderprogrammen deutscher Kommunen, jede Angabe mit Quelle.",
                "Linked open data on the Smart City Index, the Smart-City-Atlas, projects and funding programmes of German municipalities, each fact with its source.")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(m.createProperty(FOAF, "homepage"), m.createResource(publicUrl))
                .addProperty(DCTerms.language, m.createResource("http://publications.europa.eu/resource/authority/language/DEU"))
                .addProperty(DCTerms.language, m.createResource("http://publications.europa.eu/resource/authority/language/ENG"))
                .addProperty(DCTerms.license, m.createResource(PublishedDatasets.CC_BY_4))
                .addProperty(DCTerms.spatial, m.createResource("http://publications.europa.eu/resource/authority/country/DEU").addProperty(RDF.type, DCTerms.Location))
                .addProperty(m.createProperty(DCAT, "themeTaxonomy"), m.createResource("http://publications.europa.eu/resource/authority/data-theme"))
                .addProperty(DCTerms.issued, m.createTypedLiteral(first, XSDDatatype.XSDdate))
                .addProperty(DCTerms.modified, m.createTypedLiteral(date, XSDDatatype.XSDdate));

        Resource service = described(m, base + "catalog/service/sparql", "DataService",
                "SPARQL-Endpunkt von smartcity-lod", "smartcity-lod SPARQL endpoint",
                "Lesender SPARQL-1.1-Endpunkt mit Volltextsuche und Föderation mit Wikidata, data.europa.eu und GovData.",
                "Read-only SPARQL 1.1 endpoint with full-text search and federation with Wikidata, data.europa.eu and GovData.")
                .addProperty(m.createProperty(DCAT, "endpointURL"), m.createResource(publicUrl + "smartcity/sparql"))
                .addProperty(m.createProperty(DCAT, "endpointDescription"), m.createResource(publicUrl + ".well-known/void"))
                .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
                .addProperty(DCTerms.license, m.createResource(PublishedDatasets.DL_BY_DE_2))
                .addProperty(DCTerms.accessRights, m.createResource("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(m.createProperty(DCAT, "contactPoint"), contact)
                .addProperty(m.createProperty(DCAT, "theme"), m.createResource(THEME + "REGI"))
                .addProperty(m.createProperty(DCAT, "keyword"), "SPARQL", "de")
                .addProperty(m.createProperty(DCAT, "keyword"), "SPARQL", "en");
        catalog.addProperty(m.createProperty(DCAT, "service"), service);

        for (PublishedDatasets.Info info : PublishedDatasets.ALL)
            catalog.addProperty(m.createProperty(DCAT, "dataset"),
                    dataset(m, base, publicUrl, dumpsDir, release, info, publisher, contact, service, stateKeys,
                            Map.of(DumpWriter.graphFileName(info.graph()), "turtle")));
        Map<String, String> wholeFiles = Map.of(DumpWriter.ALL, "nquads", Release.PATCH, "patch", DumpWriter.graphFileName("ontology"), "turtle");
        Resource whole = dataset(m, base, publicUrl, dumpsDir, release, PublishedDatasets.WHOLE, publisher, contact, service, stateKeys, wholeFiles);
        catalog.addProperty(m.createProperty(DCAT, "dataset"), whole);
        Map<String, Resource> byId = new java.util.HashMap<>();
        for (Version v : versions) {
            String id = v.release().version();
            Resource ver = dataset(m, base, publicUrl, v.dumpsDir(), v.release(), PublishedDatasets.WHOLE, publisher, contact, null, stateKeys, wholeFiles,
                    "/release/" + id, "release/" + id + "/");
            ver.addProperty(DCTerms.title, "Release " + id, "de").addProperty(DCTerms.title, "Release " + id, "en");
            whole.addProperty(m.createProperty(DCAT, "hasVersion"), ver);
            if (id.equals(release.version())) whole.addProperty(m.createProperty(DCAT, "hasCurrentVersion"), ver);
            byId.put(id, ver);
        }
        for (Version v : versions) {
            Resource prev = byId.get(v.release().previous());
            if (prev != null) byId.get(v.release().version()).addProperty(m.createProperty(DCAT, "previousVersion"), prev);
        }
        return m;
    }

    /** A resource of a DCAT class with its title and description in German and English. */
    private static Resource described(Model m, String iri, String dcatClass, String titleDe, String titleEn, String descDe, String descEn) {
        return m.createResource(iri).addProperty(RDF.type, m.createResource(DCAT + dcatClass))
                .addProperty(DCTerms.title, titleDe, "de").addProperty(DCTerms.title, titleEn, "en")
                .addProperty(DCTerms.description, descDe, "de").addProperty(DCTerms.description, descEn, "en");
    }

    private static Resource dataset(Model m, String base, String publicUrl, Path dumpsDir, Release release, PublishedDatasets.Info info,
                                    Resource publisher, Resource contact, Resource service, List<String> stateKeys,
                                    Map<String, String> files) throws java.io.IOException {
        return dataset(m, base, publicUrl, dumpsDir, release, info, publisher, contact, service, stateKeys, files, "", "");
    }

    /** {@code suffix} extends the dataset's IRI (a release: "/release/{id}"); {@code path} is where its files are served, before "dumps/". */
    private static Resource dataset(Model m, String base, String publicUrl, Path dumpsDir, Release release, PublishedDatasets.Info info,
                                    Resource publisher, Resource contact, Resource service, List<String> stateKeys,
                                    Map<String, String> files, String suffix, String path) throws java.io.IOException {
        String date = release.date().substring(0, 10);
        // dct:issued: when the data were first published (a version: its own release); dct:modified: this release
        String first = suffix.isEmpty() ? release.first().substring(0, 10) : date;
        String iri = base + "catalog/dataset/" + info.key() + suffix;
        Resource ds = described(m, iri, "Dataset", info.titleDe(), info.titleEn(), info.descDe(), info.descEn())
                .addProperty(DCTerms.identifier, iri)
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(m.createProperty(DCAT, "contactPoint"), contact)
                .addProperty(DCTerms.issued, m.createTypedLiteral(first, XSDDatatype.XSDdate))
                .addProperty(DCTerms.modified, m.createTypedLiteral(date, XSDDatatype.XSDdate))
                .addProperty(m.createProperty(DCATAP, "availability"), m.createResource("http://publications.europa.eu/resource/authority/planned-availability/STABLE"))
                .addProperty(DCTerms.accessRights, m.createResource("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
                .addProperty(DCTerms.language, m.createResource("http://publications.europa.eu/resource/authority/language/DEU"))
                .addProperty(DCTerms.conformsTo, m.createResource(SC.ONTOLOGY))
                .addProperty(m.createProperty(DCATDE, "politicalGeocodingLevelURI"), m.createResource(GEOCODING + "Level/federal"))
                .addProperty(m.createProperty(DCAT, "landingPage"), m.createResource(publicUrl))
                .addProperty(m.createProperty(ADMS, "versionNotes"), "Release " + release.version(), "en")
                .addProperty(m.createProperty(DCAT, "version"), release.version())
                .addProperty(m.createProperty(DCAT, "temporalResolution"), m.createTypedLiteral("P1Y", XSDDatatype.XSDduration));
        for (String t : info.themes()) ds.addProperty(m.createProperty(DCAT, "theme"), m.createResource(THEME + t));
        for (String k : info.keywordsDe()) ds.addProperty(m.createProperty(DCAT, "keyword"), k, "de");
        for (String k : info.keywordsEn()) ds.addProperty(m.createProperty(DCAT, "keyword"), k, "en");
        for (String key : stateKeys)
            ds.addProperty(DCTerms.spatial, m.createResource(GEOCODING + "stateKey/" + key).addProperty(RDF.type, DCTerms.Location));
        Resource period = m.createResource(iri + "/period")
                .addProperty(RDF.type, DCTerms.PeriodOfTime)
                .addProperty(m.createProperty(DCAT, "startDate"), m.createTypedLiteral(info.start(), XSDDatatype.XSDdate))
                .addProperty(m.createProperty(DCAT, "endDate"), m.createTypedLiteral(info.end(), XSDDatatype.XSDdate));
        ds.addProperty(DCTerms.temporal, period);
        if (info.exampleResource() != null) ds.addProperty(DCTerms.relation, m.createResource(base + info.exampleResource()));
        if (service != null) service.addProperty(m.createProperty(DCAT, "servesDataset"), ds);

        for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
            Path file = dumpsDir.resolve(f.getKey());
            if (!Files.exists(file)) continue;
            String url = publicUrl + path + "dumps/" + f.getKey();
            String distIri = base + "catalog/" + (path.isEmpty() ? "" : path) + "distribution/" + f.getKey();
            Resource dist = m.createResource(distIri)
                    .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                    .addProperty(m.createProperty(DCAT, "accessURL"), m.createResource(url))
                    .addProperty(m.createProperty(DCAT, "downloadURL"), m.createResource(url))
                    .addProperty(m.createProperty(DCAT, "byteSize"), m.createTypedLiteral(Long.toString(Files.size(file)), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(DCTerms.license, m.createResource(info.licence()))
                    .addProperty(DCTerms.issued, m.createTypedLiteral(date, XSDDatatype.XSDdate))
                    .addProperty(DCTerms.modified, m.createTypedLiteral(date, XSDDatatype.XSDdate))
                    .addProperty(m.createProperty(DCATAP, "availability"), m.createResource("http://publications.europa.eu/resource/authority/planned-availability/STABLE"))
                    .addProperty(m.createProperty(ADMS, "status"), m.createResource("http://publications.europa.eu/resource/authority/distribution-status/COMPLETED"))
                    .addProperty(DCTerms.rights, m.createResource(info.licence()));
            if (info.attribution() != null) dist.addProperty(m.createProperty(DCATDE, "licenseAttributionByText"), info.attribution(), "de");
            switch (f.getValue()) {
                case "turtle" -> dist.addProperty(DCTerms.title, f.getKey() + " (Turtle)", "de").addProperty(DCTerms.title, f.getKey() + " (Turtle)", "en")
                        .addProperty(m.createProperty(DCAT, "mediaType"), m.createResource(IANA + "text/turtle"))
                        .addProperty(DCTerms.format, m.createResource(FILE_TYPE + "RDF_TURTLE"));
                case "nquads" -> dist.addProperty(DCTerms.title, "Gesamter Datensatz als N-Quads (gzip)", "de").addProperty(DCTerms.title, "Whole dataset as N-Quads (gzip)", "en")
                        .addProperty(m.createProperty(DCAT, "mediaType"), m.createResource(IANA + "application/n-quads"))
                        .addProperty(m.createProperty(DCAT, "compressFormat"), m.createResource(IANA + "application/gzip"))
                        .addProperty(DCTerms.format, m.createResource(FILE_TYPE + "RDF_N_QUADS"));
                default -> dist.addProperty(DCTerms.title, "Änderungen seit dem vorigen Release (RDF Patch)", "de")
                        .addProperty(DCTerms.title, "Changes since the previous release (RDF Patch)", "en")
                        .addProperty(DCTerms.description, "RDF Patch von Release " + (release.previous().isEmpty() ? "(leer)" : release.previous()) + " zu " + release.version() + ".", "de")
                        .addProperty(DCTerms.description, "RDF Patch from release " + (release.previous().isEmpty() ? "(empty)" : release.previous()) + " to " + release.version() + ".", "en")
                        .addProperty(DCTerms.format, m.createResource(FILE_TYPE + "TXT"))
                        // RDF Patch has no registered media type: it is plain text, conforming to the RDF Patch specification
                        .addProperty(m.createProperty(DCAT, "mediaType"), m.createResource(IANA + "text/plain"))
                        .addProperty(DCTerms.conformsTo, m.createResource("https://afs.github.io/rdf-patch/"));
            }
            String sha = Files.readString(dumpsDir.resolve(f.getKey() + ".sha256")).split("\\s+")[0];
            Resource checksum = m.createResource(distIri + "/checksum")
                    .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                    .addProperty(m.createProperty(SPDX, "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"))
                    .addProperty(m.createProperty(SPDX, "checksumValue"), m.createTypedLiteral(sha, XSDDatatype.XSDhexBinary));
            dist.addProperty(m.createProperty(SPDX, "checksum"), checksum);
            ds.addProperty(m.createProperty(DCAT, "distribution"), dist);
        }
        return ds;
    }
}
