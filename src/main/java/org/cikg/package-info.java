/**
 * The boot class ({@link org.cikg.CikgApplication}): runs the service, or one of the command-line commands, each
 * handed the application context it needs ({@link org.cikg.config.CommandContext}). The top layer: nothing imports
 * it (see {@code ArchitectureTest}).
 */
package org.cikg;
