package io.lethe.command.dataset;

import java.util.List;

/** One page of a dataset listing and the total it was cut from. */
public record DatasetPage(List<Dataset> datasets, int limit, long offset, long total) {
}
