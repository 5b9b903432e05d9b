package io.lethe.command.item;

/**
 * What a dataset holds: its live items, the bytes of their sources, and their most common
 * content type.
 */
public record DatasetContents(long items, long bytes, String contentType) {
}
