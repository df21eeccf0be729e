/**
 * The facade's admin calls, behind HTTP basic auth ({@link org.cikg.admin.AdminGuard}; none exist without
 * {@code kg.admin.password}): {@code POST /admin/reload}, {@code POST /admin/backup}, {@code POST /admin/compact}.
 */
package org.cikg.admin;
