package org.cikg.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each class, the same in the explorer (node {@code color} in Cytoscape JSON), in GEXF
 * ({@code viz:color}) and in GraphML ({@code color}). Classes of one family share a hue (organisations blue,
 * places green, policies orange-brown, people red), and every colour has a contrast of at least 3:1 against white
 * and against the pages' background ({@code #f7f6f3}), as WCAG 2.2 asks of graphical objects
 * ({@code ClassPaletteTest} checks it). A class not listed gets one of the spare colours, chosen by its name, so it
 * keeps its colour from one export to the next.
 */
public final class ClassPalette {
    private static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("Startup", "#1a5fb4");
        COLOURS.put("Company", "#2c4f8f");
        COLOURS.put("Organization", "#3d6f9e");
        COLOURS.put("CompanyGroup", "#5b4fa8");
        COLOURS.put("GovernmentBody", "#6a3d9a");
        COLOURS.put("University", "#0f6f80");
        COLOURS.put("ResearchInstitute", "#0b7269");
        COLOURS.put("MediaOutlet", "#55606e");
        COLOURS.put("Person", "#b4262d");
        COLOURS.put("Position", "#8f3b1e");
        COLOURS.put("Country", "#1e5e2a");
        COLOURS.put("MacroRegion", "#4a6b12");
        COLOURS.put("Province", "#2e7d32");
        COLOURS.put("City", "#1b7a4c");
        COLOURS.put("District", "#4f7a28");
        COLOURS.put("Zone", "#66701a");
        COLOURS.put("Place", "#3b7a3b");
        COLOURS.put("Policy", "#a14d00");
        COLOURS.put("Product", "#8a3f91");
        COLOURS.put("Event", "#a3336b");
        COLOURS.put("Indicator", "#66676b");
        COLOURS.put("Thing", "#5f5f5f");
    }

    /** For classes not listed, by a hash of the name. */
    static final List<String> SPARE = List.of("#7a4a8c", "#0e6b8c", "#8c5a1e", "#4a6a8c", "#7d4f4f", "#3f6f5f");

    private ClassPalette() {}

    /** The colour of a class (its local name), {@code #rrggbb}. */
    public static String colour(String cls) {
        String c = COLOURS.get(cls);
        return c != null ? c : SPARE.get(Math.floorMod(cls == null ? 0 : cls.hashCode(), SPARE.size()));
    }

    /** Every listed class and its colour, in the order of the legend. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(COLOURS);
    }

    /** The red, green and blue of a colour, 0-255. */
    static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    /** WCAG 2 contrast ratio of two colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int[] c = rgb(hex);
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            l[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }
}
