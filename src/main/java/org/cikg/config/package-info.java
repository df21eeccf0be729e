/**
 * The service's settings ({@link org.cikg.config.KgProperties}, every {@code kg.*} property with its default) and
 * the {@link org.cikg.config.CommandContext} a command-line command is handed to open its application context. The
 * bottom layer with {@code problem}: it depends on no other package of the service.
 */
package org.cikg.config;
