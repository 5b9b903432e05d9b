package io.lethe.purge.web;

import io.lethe.problems.ProblemAdvice;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The purge worker's one advice: the shared {@link ProblemAdvice}, so that its API
 * answers errors exactly as the command service does (the same stable {@code type} URIs,
 * the same {@code {loc, msg, type}} entries), and a client error is always a 4xx.
 */
@RestControllerAdvice
class WorkerProblems extends ProblemAdvice {

}
