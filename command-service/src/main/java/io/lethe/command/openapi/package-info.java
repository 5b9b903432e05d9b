/**
 * The API contract: the OpenAPI documents the service serves, one per audience (the
 * native API, the operator API and each compatibility API), with the security schemes,
 * problem answers and conventions every route shares.
 */
package io.lethe.command.openapi;
