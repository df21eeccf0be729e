package org.cikg.synth;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;
import static org.cikg.core.Namespaces.KGSRC;
import static org.cikg.core.Namespaces.KGST;
import static org.cikg.core.Namespaces.PROV;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.cikg.core.Namespaces;
import org.cikg.store.load.SourceFiles;

/**
 * Writes a synthetic graph of about {@code targetTriples} triples to a {@link StreamRDF}: first every curated file
 * of {@code ontology/} and {@code data/} unchanged (so the real questions keep their real answers), then made-up
 * entities in the same shape as the curated ones until the target is reached.
 *
 * <p>The made-up part follows {@code docs/curation.md}: places in a five-level hierarchy (country, macro-region,
 * province, city, district); organisations (startups, companies, universities, institutes, investment firms,
 * government bodies) with headquarters, founders, founding years, sectors and the policies they benefited from;
 * policies with kinds, issuers, the place that first introduced them and dated adoptions; officials with their
 * posts ({@code cikg:Position} nodes); indicators. Every entity has exactly one {@code @en} label and names in Han,
 * Cyrillic, Arabic and Hebrew script; every claim is asserted plainly and again as an {@code rdf:Statement} derived
 * from a synthetic {@code cikg:SourceDocument} with a paragraph inside its line count and a certainty.
 *
 * <p>Memory stays constant whatever the size: an entity's IRI, type and names are a function of the seed and its
 * index, so references to earlier entities are recomputed rather than remembered, and nothing is buffered. The same
 * seed and target always give the same triples in the same order. Synthetic IRIs never collide with curated ones
 * (every synthetic slug ends in a number) and synthetic triples never touch curated entities.
 *
 * <pre>{@code
 * try (OutputStream out = ...) {
 *     StreamRDF sink = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
 *     sink.start();
 *     SyntheticGraphWriter.Result r = new SyntheticGraphWriter(42).write(Path.of("ontology"), Path.of("data"), 1_000_000, sink);
 *     sink.finish();
 * }
 * }</pre>
 */
public final class SyntheticGraphWriter {

    /** Lines of every synthetic source document; paragraphs are drawn within it. */
    static final int SOURCE_LINES = 120;
    /** Claims attributed to one synthetic source before the next one starts. */
    private static final int CLAIMS_PER_SOURCE = 400;

    private static final String[] LEVELS = {"country", "region", "province", "city", "district"};
    private static final Node[] LEVEL_CLASSES = {cikg("Country"), cikg("MacroRegion"), cikg("Province"),
        cikg("City"), cikg("District")};
    private static final String[] SECTORS = {"ArtificialIntelligence", "Robotics", "HumanoidRobots", "VideoGames",
        "Semiconductors", "ECommerce", "CloudComputing", "DigitalEconomy", "ComputingPower", "NewEnergyVehicles",
        "Biomedicine", "Aerospace", "Telecommunications", "QuantumTechnology", "NewMaterials", "LowAltitudeEconomy",
        "SmartManufacturing", "Fintech"};
    private static final String[] POLICY_KINDS = {"Programme", "Plan", "Strategy", "System", "Mechanism", "Fund",
        "PilotZonePolicy", "Regulation"};
    private static final String[] LANGUAGES = {"zh", "en", "ar", "ru", "he", "fr"};
    private static final String[][] MEASURES = {
        {"digital-economy-value-added", "Digital-economy value added", "billion yuan"},
        {"rd-spending-share", "R&D spending as a share of GDP", "percent"},
        {"high-tech-enterprises", "Number of high-tech enterprises", "count"},
        {"computing-power", "Installed computing power", "EFLOPS"},
        {"revenue", "Annual revenue", "billion yuan"}};

    /** Kinds of organisation: class, slug word, English suffix, Han suffix, and how often (percent). */
    private enum OrgKind {
        STARTUP("Startup", "technology", "Technology", "科技", 45),
        COMPANY("Company", "group", "Group", "集团", 25),
        UNIVERSITY("University", "university", "University", "大学", 10),
        INSTITUTE("ResearchInstitute", "institute", "Institute", "研究院", 8),
        INVESTOR("InvestmentFirm", "capital", "Capital", "资本", 7),
        BUREAU("GovernmentBody", "bureau", "Bureau", "局", 5);

        final Node type;
        final String slugWord;
        final String enWord;
        final String hanWord;
        final int percent;

        OrgKind(String type, String slugWord, String enWord, String hanWord, int percent) {
            this.type = cikg(type);
            this.slugWord = slugWord;
            this.enWord = enWord;
            this.hanWord = hanWord;
            this.percent = percent;
        }
    }

    /** What was written. */
    public record Result(long triples, long curatedTriples, long places, long organisations, long people,
                         long policies, long indicators, long statements, long sources) {
    }

    private final long seed;
    private final SplittableRandom random;
    private StreamRDF out;
    private long triples;
    private final int[] fanOut;
    private final long[] levelCount = new long[5];
    private long orgs;
    private long people;
    private long policies;
    private long indicators;
    private long statements;
    private long sources;
    private long claimsInSource;
    private Node source;

    /** A generator for one seed; the place tree is sized when {@link #write} learns the target. */
    public SyntheticGraphWriter(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.fanOut = new int[5];
    }

    /**
     * Streams the curated files, then synthetic entities, into {@code sink} (which the caller starts and finishes)
     * until at least {@code targetTriples} triples were written.
     */
    public Result write(Path ontology, Path data, long targetTriples, StreamRDF sink) {
        this.out = sink;
        Namespaces.of("cikg", "kgid", "kgsrc", "kgst", "rdf", "rdfs", "xsd", "prov", "dcterms").forEach(sink::prefix);
        long curated = copyCurated(ontology, data);
        sizePlaceTree(targetTriples);
        writePlaces();
        while (triples < targetTriples) {
            int r = random.nextInt(100);
            if (r < 50) {
                writeOrganisation();
            } else if (r < 62) {
                writePolicy();
            } else if (r < 75) {
                writeOfficial();
            } else {
                writeIndicator();
            }
        }
        long places = 0;
        for (long n : levelCount) {
            places += n;
        }
        return new Result(triples, curated, places, orgs, people, policies, indicators, statements, sources);
    }

    // ---- curated data --------------------------------------------------------------------------------------

    private long copyCurated(Path ontology, Path data) {
        long before = triples;
        // Blank nodes get labels from their file and order, not Jena's random ids, so the output is byte-for-byte
        // the same for a seed. The map holds only the curated files' blank nodes.
        java.util.Map<Node, Node> blanks = new java.util.HashMap<>();
        int[] file = {0};
        java.util.function.UnaryOperator<Node> fix = n -> !n.isBlank() ? n : blanks.computeIfAbsent(n,
                b -> NodeFactory.createBlankNode("curated" + file[0] + "x" + blanks.size()));
        StreamRDF copy = new StreamRDFWrapper(out) {
            @Override
            public void start() {
            }

            @Override
            public void finish() {
            }

            @Override
            public void base(String base) {
            }

            @Override
            public void prefix(String prefix, String iri) {
            }

            @Override
            public void triple(Triple t) {
                emit(fix.apply(t.getSubject()), t.getPredicate(), fix.apply(t.getObject()));
            }

            @Override
            public void quad(Quad q) {
                emit(fix.apply(q.getSubject()), q.getPredicate(), fix.apply(q.getObject()));
            }
        };
        for (SourceFiles.SourceFile f : SourceFiles.scan(ontology, data, List.of()).files()) {
            file[0]++;
            blanks.clear();
            RDFParser.source(f.path()).lang(f.lang()).parse(copy);
        }
        return triples - before;
    }

    // ---- places ----------------------------------------------------------------------------------------------

    /** About 3% of the triples are places: small targets get a small tree, big ones more countries. */
    private void sizePlaceTree(long target) {
        if (target < 200_000) {
            fanOut[0] = 1;
            fanOut[1] = 2;
            fanOut[2] = 2;
            fanOut[3] = 3;
            fanOut[4] = 3;
        } else {
            fanOut[0] = (int) Math.max(1, target / 3_000_000);
            fanOut[1] = 4;
            fanOut[2] = 6;
            fanOut[3] = 10;
            fanOut[4] = 6;
        }
        levelCount[0] = fanOut[0];
        for (int l = 1; l < 5; l++) {
            levelCount[l] = levelCount[l - 1] * fanOut[l];
        }
    }

    private void writePlaces() {
        for (int level = 0; level < 5; level++) {
            for (long i = 0; i < levelCount[level]; i++) {
                Node place = place(level, i);
                SyntheticNames.Name n = placeName(level, i);
                emit(place, RDF.type.asNode(), LEVEL_CLASSES[level]);
                String hanSuffix = switch (level) {
                    case 0 -> "国";
                    case 1 -> "地区";
                    case 2 -> "省";
                    case 3 -> "市";
                    default -> "区";
                };
                String en = switch (level) {
                    case 1 -> n.latin() + " Region";
                    case 4 -> n.latin() + " District";
                    default -> n.latin();
                };
                labels(place, en, n.han() + hanSuffix, n);
                comment(place, "A synthetic " + LEVELS[level] + " made up for scale tests.");
                if (level > 0) {
                    claim(place, cikg("locatedIn"), place(level - 1, i / fanOut[level]), null);
                }
            }
        }
    }

    private Node place(int level, long i) {
        return NodeFactory.createURI(KGID + placeName(level, i).slug() + "-" + LEVELS[level] + "-" + i);
    }

    private SyntheticNames.Name placeName(int level, long i) {
        return SyntheticNames.draw(draw(10 + level, i), 2);
    }

    private Node randomPlace(int level) {
        return place(level, random.nextLong(levelCount[level]));
    }

    // ---- organisations and people ----------------------------------------------------------------------------

    private OrgKind orgKind(long i) {
        int r = draw(2, i).nextInt(100);
        for (OrgKind k : OrgKind.values()) {
            r -= k.percent;
            if (r < 0) {
                return k;
            }
        }
        return OrgKind.STARTUP;
    }

    private SyntheticNames.Name orgName(long i) {
        SplittableRandom r = draw(2, i);
        r.nextInt(100);
        return SyntheticNames.draw(r, 3);
    }

    private Node org(long i) {
        return NodeFactory.createURI(KGID + orgName(i).slug() + "-" + orgKind(i).slugWord + "-" + i);
    }

    /** An earlier organisation of the given kind, or null if a few draws find none. */
    private Node earlierOrg(OrgKind kind) {
        for (int tries = 0; tries < 8 && orgs > 0; tries++) {
            long i = random.nextLong(orgs);
            if (kind == null || orgKind(i) == kind) {
                return org(i);
            }
        }
        return null;
    }

    private void writeOrganisation() {
        long i = orgs++;
        OrgKind kind = orgKind(i);
        Node org = org(i);
        SyntheticNames.Name n = orgName(i);
        emit(org, RDF.type.asNode(), kind.type);
        labels(org, n.latin() + " " + kind.enWord, n.han() + kind.hanWord, n);
        comment(org, "A synthetic " + kind.enWord.toLowerCase(java.util.Locale.ROOT) + " made up for scale tests.");
        Node hq = random.nextInt(5) == 0 ? randomPlace(3) : randomPlace(4);
        claim(org, cikg("headquarteredIn"), hq, null);
        int founded = kind == OrgKind.STARTUP ? 2010 + random.nextInt(15) : 1950 + random.nextInt(70);
        claim(org, cikg("foundingYear"), year(founded), null);
        if (kind == OrgKind.STARTUP || kind == OrgKind.COMPANY || kind == OrgKind.INVESTOR) {
            claim(org, cikg("sector"), cikg(SECTORS[random.nextInt(SECTORS.length)]), null);
            Node founder = writePerson();
            claim(org, cikg("founder"), founder, year(founded));
            Node university = random.nextBoolean() ? earlierOrg(OrgKind.UNIVERSITY) : null;
            if (university != null) {
                claim(founder, cikg("alumnusOf"), university, null);
            }
        }
        if ((kind == OrgKind.STARTUP || kind == OrgKind.COMPANY) && policies > 0 && random.nextInt(5) < 2) {
            claim(org, cikg("benefitedFrom"), policy(random.nextLong(policies)),
                    year(Math.max(founded, 2015) + random.nextInt(5)));
        }
        if (kind == OrgKind.INVESTOR) {
            for (int k = 0; k < 2; k++) {
                Node target = earlierOrg(OrgKind.STARTUP);
                if (target != null) {
                    claim(org, cikg("investedIn"), target, year(2015 + random.nextInt(10)));
                }
            }
        }
    }

    private Node writePerson() {
        long i = people++;
        SplittableRandom r = draw(3, i);
        SyntheticNames.Name surname = SyntheticNames.draw(r, 1);
        SyntheticNames.Name given = SyntheticNames.draw(r, 2);
        // Surname first, as Chinese names are usually written in English: "Wei Anbao".
        String en = surname.latin() + " " + given.latin();
        Node person = NodeFactory.createURI(KGID + surname.slug() + "-" + given.slug() + "-" + i);
        emit(person, RDF.type.asNode(), cikg("Person"));
        labels(person, en, surname.han() + given.han(), new SyntheticNames.Name(en,
                surname.han() + given.han(), surname.cyrillic() + " " + given.cyrillic(),
                surname.arabic() + " " + given.arabic(), surname.hebrew() + " " + given.hebrew()));
        comment(person, "A synthetic person made up for scale tests.");
        return person;
    }

    private void writeOfficial() {
        Node person = writePerson();
        String personSlug = person.getURI().substring(KGID.length());
        int start = 2000 + random.nextInt(24);
        int kind = random.nextInt(4);
        String role;
        Node where;
        String whereEn;
        Node whereProp = cikg("jurisdiction");
        if (kind == 0) {
            role = "Governor";
            long p = random.nextLong(levelCount[2]);
            where = place(2, p);
            whereEn = placeName(2, p).latin();
        } else if (kind == 1) {
            role = "Mayor";
            long c = random.nextLong(levelCount[3]);
            where = place(3, c);
            whereEn = placeName(3, c).latin();
        } else if (kind == 2) {
            role = "Party Secretary";
            long c = random.nextLong(levelCount[3]);
            where = place(3, c);
            whereEn = placeName(3, c).latin();
        } else {
            Node org = earlierOrg(null);
            if (org == null) {
                return;
            }
            role = "Chief Executive";
            where = org;
            whereEn = org.getURI().substring(KGID.length());
            whereProp = cikg("organization");
        }
        Node post = NodeFactory.createURI(KGID + personSlug + "-" + role.toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '-') + "-" + where.getURI().substring(KGID.length()));
        emit(post, RDF.type.asNode(), cikg("Position"));
        emit(post, RDFS.label.asNode(), NodeFactory.createLiteralLang(role + " of " + whereEn, "en"));
        emit(post, cikg("role"), NodeFactory.createLiteralString(role));
        claim(post, whereProp, where, null);
        claim(post, cikg("startYear"), year(start), null);
        Integer end = random.nextBoolean() ? start + 1 + random.nextInt(5) : null;
        if (end != null) {
            claim(post, cikg("endYear"), year(end), null);
        }
        claim(person, cikg("heldPosition"), post, year(start));
    }

    // ---- policies and indicators -----------------------------------------------------------------------------

    private Node policy(long i) {
        SplittableRandom r = draw(4, i);
        String kind = POLICY_KINDS[r.nextInt(POLICY_KINDS.length)];
        SyntheticNames.Name n = SyntheticNames.draw(r, 2);
        return NodeFactory.createURI(KGID + n.slug() + "-" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + i);
    }

    private void writePolicy() {
        long i = policies++;
        SplittableRandom r = draw(4, i);
        String kind = POLICY_KINDS[r.nextInt(POLICY_KINDS.length)];
        SyntheticNames.Name n = SyntheticNames.draw(r, 2);
        Node policy = policy(i);
        emit(policy, RDF.type.asNode(), cikg("Policy"));
        labels(policy, n.latin() + " " + kind.replace("PilotZonePolicy", "Pilot Zone Policy"), n.han() + "计划", n);
        comment(policy, "A synthetic policy made up for scale tests.");
        claim(policy, cikg("policyKind"), cikg(kind), null);
        claim(policy, cikg("sector"), cikg(SECTORS[random.nextInt(SECTORS.length)]), null);
        Node bureau = random.nextInt(4) == 0 ? earlierOrg(OrgKind.BUREAU) : null;
        claim(policy, cikg("issuedBy"), bureau != null ? bureau : randomPlace(2 + random.nextInt(2)), null);
        int introduced = 2005 + random.nextInt(15);
        claim(policy, cikg("firstIntroducedIn"), randomPlace(3), year(introduced));
        int adoptions = random.nextInt(4);
        for (int k = 0; k < adoptions; k++) {
            claim(policy, cikg("adoptedBy"), randomPlace(3), year(introduced + 1 + random.nextInt(6)));
        }
    }

    private void writeIndicator() {
        long i = indicators++;
        String[] measure = MEASURES[random.nextInt(MEASURES.length)];
        Node about;
        String aboutEn;
        if (measure[0].equals("revenue") && orgs > 0) {
            long o = random.nextLong(orgs);
            about = org(o);
            aboutEn = orgName(o).latin() + " " + orgKind(o).enWord;
        } else {
            long c = random.nextLong(levelCount[3]);
            about = place(3, c);
            aboutEn = placeName(3, c).latin();
        }
        int y = 2015 + random.nextInt(10);
        Node ind = NodeFactory.createURI(KGID + about.getURI().substring(KGID.length()) + "-" + measure[0] + "-" + y
                + "-" + i);
        emit(ind, RDF.type.asNode(), cikg("Indicator"));
        emit(ind, RDFS.label.asNode(), NodeFactory.createLiteralLang(measure[1] + " of " + aboutEn + ", " + y, "en"));
        emit(ind, cikg("about"), about);
        emit(ind, cikg("unit"), NodeFactory.createLiteralString(measure[2]));
        emit(ind, cikg("year"), year(y));
        String value = random.nextInt(100_000) / 10 + "." + random.nextInt(10);
        claim(ind, cikg("value"), NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal), null);
    }

    // ---- claims, statements, sources -------------------------------------------------------------------------

    /** The plain triple and its statement node, attributed to the current synthetic source. */
    private void claim(Node s, Node p, Node o, Node startYear) {
        emit(s, p, o);
        if (source == null || claimsInSource == CLAIMS_PER_SOURCE) {
            startSource();
        }
        claimsInSource++;
        statements++;
        int paragraph = 1 + random.nextInt(SOURCE_LINES);
        Node st = NodeFactory.createURI(KGST + "synthetic-" + sources + "-" + paragraph + "-" + claimsInSource);
        emit(st, RDF.type.asNode(), RDF.Statement.asNode());
        emit(st, RDF.subject.asNode(), s);
        emit(st, RDF.predicate.asNode(), p);
        emit(st, RDF.object.asNode(), o);
        emit(st, NodeFactory.createURI(PROV + "wasDerivedFrom"), source);
        emit(st, cikg("paragraph"), NodeFactory.createLiteralDT(Integer.toString(paragraph), XSDDatatype.XSDinteger));
        emit(st, cikg("certainty"), NodeFactory.createLiteralString(random.nextInt(100) < 15 ? "hedged" : "stated"));
        if (startYear != null) {
            emit(st, cikg("startYear"), startYear);
        }
    }

    private void startSource() {
        sources++;
        claimsInSource = 0;
        String stem = "synthetic-" + sources;
        source = NodeFactory.createURI(KGSRC + stem);
        String lang = LANGUAGES[(int) (sources % LANGUAGES.length)];
        emit(source, RDF.type.asNode(), cikg("SourceDocument"));
        emit(source, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Synthetic article " + sources, "en"));
        emit(source, DCTerms.language.asNode(), NodeFactory.createLiteralString(lang));
        emit(source, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(stem + ".txt"));
        emit(source, cikg("lineCount"), NodeFactory.createLiteralDT(Integer.toString(SOURCE_LINES),
                XSDDatatype.XSDinteger));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void labels(Node s, String en, String zh, SyntheticNames.Name n) {
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(en, "en"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(zh, "zh"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.cyrillic(), "ru"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.arabic(), "ar"));
        emit(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(n.hebrew(), "he"));
    }

    private void comment(Node s, String text) {
        emit(s, RDFS.comment.asNode(), NodeFactory.createLiteralLang(text, "en"));
    }

    private void emit(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        triples++;
    }

    /** A random stream that depends only on the seed, a stream number and an index. */
    private SplittableRandom draw(int stream, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(h);
    }

    private static Node year(int y) {
        return NodeFactory.createLiteralDT(Integer.toString(y), XSDDatatype.XSDgYear);
    }

    private static Node cikg(String local) {
        return NodeFactory.createURI(CIKG + local);
    }
}
