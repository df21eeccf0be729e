/**
 * Shared web concerns: the home page, the admin reload call, and the one {@code @RestControllerAdvice} that maps
 * exceptions to RFC 9457 {@code application/problem+json} responses with the right status.
 */
package org.cikg.web;
