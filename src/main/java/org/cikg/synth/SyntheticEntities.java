package org.cikg.synth;

import static org.cikg.core.Namespaces.KGID;
import static org.cikg.synth.SyntheticClaims.cikg;
import static org.cikg.synth.SyntheticClaims.year;

import java.util.SplittableRandom;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The made-up entities besides places, in the shape of the curated ones (see {@code docs/curation.md}):
 * organisations (startups, companies, universities, institutes, investment firms, government bodies) with
 * headquarters, founders, founding years, sectors and the policies they benefited from; policies with kinds,
 * issuers, the place that first introduced them and dated adoptions; officials with their posts
 * ({@code cikg:Position} nodes); indicators. An entity's IRI, type and names are a function of the seed and its
 * index, so references to earlier entities are recomputed rather than remembered.
 *
 * <p>It stays one class (a little over 300 lines): every kind of entity draws from the same random stream in a
 * fixed order and refers to the others by recomputing their IRIs from their indexes; split by kind, the classes would
 * have to share that stream and those functions anyway, and the order of draws (which fixes the output for a seed)
 * would be harder to see.
 */
final class SyntheticEntities {
    private static final String[] SECTORS = {
        "ArtificialIntelligence",
        "Robotics",
        "HumanoidRobots",
        "VideoGames",
        "Semiconductors",
        "ECommerce",
        "CloudComputing",
        "DigitalEconomy",
        "ComputingPower",
        "NewEnergyVehicles",
        "Biomedicine",
        "Aerospace",
        "Telecommunications",
        "QuantumTechnology",
        "NewMaterials",
        "LowAltitudeEconomy",
        "SmartManufacturing",
        "Fintech"
    };
    private static final String[] POLICY_KINDS = {
        "Programme", "Plan", "Strategy", "System", "Mechanism", "Fund", "PilotZonePolicy", "Regulation"
    };
    private static final String[][] MEASURES = {
        {"digital-economy-value-added", "Digital-economy value added", "billion yuan"},
        {"rd-spending-share", "R&D spending as a share of GDP", "percent"},
        {"high-tech-enterprises", "Number of high-tech enterprises", "count"},
        {"computing-power", "Installed computing power", "EFLOPS"},
        {"revenue", "Annual revenue", "billion yuan"}
    };

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

    private final long seed;
    private final SplittableRandom random;
    private final SyntheticClaims out;
    private final PlaceTree places;
    long orgs;
    long people;
    long policies;
    long indicators;

    SyntheticEntities(long seed, SplittableRandom random, SyntheticClaims out, PlaceTree places) {
        this.seed = seed;
        this.random = random;
        this.out = out;
        this.places = places;
    }

    /** One more entity: an organisation half the time, else a policy, an official or an indicator. */
    void writeOne() {
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

    private OrgKind orgKind(long i) {
        int r = SyntheticNames.stream(seed, 2, i).nextInt(100);
        for (OrgKind k : OrgKind.values()) {
            r -= k.percent;
            if (r < 0) {
                return k;
            }
        }
        return OrgKind.STARTUP;
    }

    private SyntheticNames.Name orgName(long i) {
        SplittableRandom r = SyntheticNames.stream(seed, 2, i);
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
        out.emit(org, RDF.type.asNode(), kind.type);
        out.labels(org, n.latin() + " " + kind.enWord, n.han() + kind.hanWord, n);
        out.comment(org, "A synthetic " + kind.enWord.toLowerCase(java.util.Locale.ROOT) + " made up for scale tests.");
        Node hq = random.nextInt(5) == 0 ? places.random(3, random) : places.random(4, random);
        out.claim(org, cikg("headquarteredIn"), hq, null);
        int founded = kind == OrgKind.STARTUP ? 2010 + random.nextInt(15) : 1950 + random.nextInt(70);
        out.claim(org, cikg("foundingYear"), year(founded), null);
        if (kind == OrgKind.STARTUP || kind == OrgKind.COMPANY || kind == OrgKind.INVESTOR) {
            out.claim(org, cikg("sector"), cikg(SECTORS[random.nextInt(SECTORS.length)]), null);
            Node founder = writePerson();
            out.claim(org, cikg("founder"), founder, year(founded));
            Node university = random.nextBoolean() ? earlierOrg(OrgKind.UNIVERSITY) : null;
            if (university != null) {
                out.claim(founder, cikg("alumnusOf"), university, null);
            }
        }
        if ((kind == OrgKind.STARTUP || kind == OrgKind.COMPANY) && policies > 0 && random.nextInt(5) < 2) {
            out.claim(
                    org,
                    cikg("benefitedFrom"),
                    policy(random.nextLong(policies)),
                    year(Math.max(founded, 2015) + random.nextInt(5)));
        }
        if (kind == OrgKind.INVESTOR) {
            for (int k = 0; k < 2; k++) {
                Node target = earlierOrg(OrgKind.STARTUP);
                if (target != null) {
                    out.claim(org, cikg("investedIn"), target, year(2015 + random.nextInt(10)));
                }
            }
        }
    }

    private Node writePerson() {
        long i = people++;
        SplittableRandom r = SyntheticNames.stream(seed, 3, i);
        SyntheticNames.Name surname = SyntheticNames.draw(r, 1);
        SyntheticNames.Name given = SyntheticNames.draw(r, 2);
        // Surname first, as Chinese names are usually written in English: "Wei Anbao".
        String en = surname.latin() + " " + given.latin();
        Node person = NodeFactory.createURI(KGID + surname.slug() + "-" + given.slug() + "-" + i);
        out.emit(person, RDF.type.asNode(), cikg("Person"));
        out.labels(
                person,
                en,
                surname.han() + given.han(),
                new SyntheticNames.Name(
                        en,
                        surname.han() + given.han(),
                        surname.cyrillic() + " " + given.cyrillic(),
                        surname.arabic() + " " + given.arabic(),
                        surname.hebrew() + " " + given.hebrew()));
        out.comment(person, "A synthetic person made up for scale tests.");
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
            long p = random.nextLong(places.count(2));
            where = places.place(2, p);
            whereEn = places.name(2, p).latin();
        } else if (kind == 1) {
            role = "Mayor";
            long c = random.nextLong(places.count(3));
            where = places.place(3, c);
            whereEn = places.name(3, c).latin();
        } else if (kind == 2) {
            role = "Party Secretary";
            long c = random.nextLong(places.count(3));
            where = places.place(3, c);
            whereEn = places.name(3, c).latin();
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
        Node post = NodeFactory.createURI(KGID + personSlug + "-"
                + role.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
                + where.getURI().substring(KGID.length()));
        out.emit(post, RDF.type.asNode(), cikg("Position"));
        out.emit(post, RDFS.label.asNode(), NodeFactory.createLiteralLang(role + " of " + whereEn, "en"));
        out.emit(post, cikg("role"), NodeFactory.createLiteralString(role));
        out.claim(post, whereProp, where, null);
        out.claim(post, cikg("startYear"), year(start), null);
        Integer end = random.nextBoolean() ? start + 1 + random.nextInt(5) : null;
        if (end != null) {
            out.claim(post, cikg("endYear"), year(end), null);
        }
        out.claim(person, cikg("heldPosition"), post, year(start));
    }

    private Node policy(long i) {
        SplittableRandom r = SyntheticNames.stream(seed, 4, i);
        String kind = POLICY_KINDS[r.nextInt(POLICY_KINDS.length)];
        SyntheticNames.Name n = SyntheticNames.draw(r, 2);
        return NodeFactory.createURI(KGID + n.slug() + "-" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + i);
    }

    private void writePolicy() {
        long i = policies++;
        SplittableRandom r = SyntheticNames.stream(seed, 4, i);
        String kind = POLICY_KINDS[r.nextInt(POLICY_KINDS.length)];
        SyntheticNames.Name n = SyntheticNames.draw(r, 2);
        Node policy = policy(i);
        out.emit(policy, RDF.type.asNode(), cikg("Policy"));
        out.labels(policy, n.latin() + " " + kind.replace("PilotZonePolicy", "Pilot Zone Policy"), n.han() + "计划", n);
        out.comment(policy, "A synthetic policy made up for scale tests.");
        out.claim(policy, cikg("policyKind"), cikg(kind), null);
        out.claim(policy, cikg("sector"), cikg(SECTORS[random.nextInt(SECTORS.length)]), null);
        Node bureau = random.nextInt(4) == 0 ? earlierOrg(OrgKind.BUREAU) : null;
        Node issuer = bureau != null ? bureau : places.random(2 + random.nextInt(2), random);
        out.claim(policy, cikg("issuedBy"), issuer, null);
        int introduced = 2005 + random.nextInt(15);
        out.claim(policy, cikg("firstIntroducedIn"), places.random(3, random), year(introduced));
        int adoptions = random.nextInt(4);
        for (int k = 0; k < adoptions; k++) {
            Node adopter = places.random(3, random);
            out.claim(policy, cikg("adoptedBy"), adopter, year(introduced + 1 + random.nextInt(6)));
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
            long c = random.nextLong(places.count(3));
            about = places.place(3, c);
            aboutEn = places.name(3, c).latin();
        }
        int y = 2015 + random.nextInt(10);
        Node ind = NodeFactory.createURI(
                KGID + about.getURI().substring(KGID.length()) + "-" + measure[0] + "-" + y + "-" + i);
        out.emit(ind, RDF.type.asNode(), cikg("Indicator"));
        out.emit(
                ind,
                RDFS.label.asNode(),
                NodeFactory.createLiteralLang(measure[1] + " of " + aboutEn + ", " + y, "en"));
        out.emit(ind, cikg("about"), about);
        out.emit(ind, cikg("unit"), NodeFactory.createLiteralString(measure[2]));
        out.emit(ind, cikg("year"), year(y));
        // Every figure says how its value is to be read (the shapes require it); made-up figures are exact.
        out.emit(ind, cikg("valueQualifier"), cikg("Exactly"));
        String value = random.nextInt(100_000) / 10 + "." + random.nextInt(10);
        out.claim(ind, cikg("value"), NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal), null);
    }
}
