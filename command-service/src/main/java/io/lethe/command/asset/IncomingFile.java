package io.lethe.command.asset;

import java.io.InputStream;

/**
 * A file a client sends: its declared name and type, its length, and the stream of its
 * bytes.
 */
public record IncomingFile(String filename, String contentType, long size, InputStream content) {
}
