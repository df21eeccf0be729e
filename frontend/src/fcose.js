// Registers the fCoSE layout (cytoscape-fcose, with cose-base and layout-base) with the Cytoscape.js that the page
// loaded before this script (window.cytoscape); the explorer runs it incrementally when a node is expanded.
import fcose from "cytoscape-fcose";

window.cytoscape.use(fcose);
