package io.lethe.stores.object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The two calls a purge makes per thousand versions, {@code ListObjectVersions} (one page
 * per call) and {@code DeleteObjects}, and the listing of unfinished uploads it makes
 * under every prefix ({@code ListMultipartUploads}), signed by the SDK's own SigV4 signer
 * and sent on an SDK HTTP client, their bodies written and read by Lethe: a JFR profile
 * of a 100,000-item purge found 63% of the worker's samples in the listings and 23% in
 * the delete batches, nine tenths of each inside the SDK's marshalling and unmarshalling
 * (README, Performance). The answers are read with StAX as they stream in
 * ({@link VersionPage}, {@link DeleteErrors}). The other S3 calls stay the SDK's.
 */
final class S3PurgeCalls implements AutoCloseable {

	/** SHA-256 of an empty body, which S3 wants named on every signed request. */
	private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

	private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

	private static final int ERROR_TEXT = 4096;

	private final SdkHttpClient http;

	private final AwsCredentialsProvider credentials;

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final String region;

	private final String scheme;

	private final String host;

	private final int port;

	private final String path;

	private final Consumer<String> onRequest;

	S3PurgeCalls(S3Settings settings, Consumer<String> onRequest) {
		this.http = S3Clients.http(settings);
		this.credentials = S3Clients.credentials(settings);
		this.region = settings.region();
		this.onRequest = onRequest;
		URI endpoint = (settings.endpoint() != null) ? settings.endpoint()
				: URI.create("https://s3." + settings.region() + ".amazonaws.com");
		this.scheme = endpoint.getScheme();
		this.port = endpoint.getPort();
		String base = (endpoint.getRawPath() == null) ? "" : endpoint.getRawPath().replaceAll("/+$", "");
		if (settings.pathStyle()) {
			this.host = endpoint.getHost();
			this.path = base + "/" + settings.bucket();
		}
		else {
			this.host = settings.bucket() + "." + endpoint.getHost();
			this.path = base + "/";
		}
	}

	/**
	 * The page of versions under {@code prefix} after the markers (both null for the
	 * first page).
	 */
	VersionPage page(String prefix, String keyMarker, String versionIdMarker) {
		return listing("ListObjectVersions", "versions", "version-id-marker", prefix, keyMarker, versionIdMarker,
				VersionPage::parse);
	}

	/**
	 * The page of unfinished multipart uploads under {@code prefix} after the markers
	 * (both null for the first page).
	 */
	UploadPage uploads(String prefix, String keyMarker, String uploadIdMarker) {
		return listing("ListMultipartUploads", "uploads", "upload-id-marker", prefix, keyMarker, uploadIdMarker,
				UploadPage::parse);
	}

	/**
	 * A bucket listing by subresource: under {@code prefix}, after the key marker and,
	 * with it, the listing's second marker.
	 */
	private <T> T listing(String operation, String subresource, String secondMarkerName, String prefix,
			String keyMarker, String secondMarker, Function<InputStream, T> read) {
		SdkHttpFullRequest.Builder request = request(SdkHttpMethod.GET).putRawQueryParameter(subresource, "")
			.putRawQueryParameter("prefix", prefix)
			.putHeader("x-amz-content-sha256", EMPTY_BODY_SHA256);
		if (keyMarker != null) {
			request.putRawQueryParameter("key-marker", keyMarker);
			if (secondMarker != null) {
				request.putRawQueryParameter(secondMarkerName, secondMarker);
			}
		}
		return send(operation, "list " + subresource + " under " + prefix, request, null, read);
	}

	/**
	 * Deletes the versions in one {@code DeleteObjects} request (quiet: the answer names
	 * only the keys that failed).
	 */
	List<DeleteErrors.Failed> delete(List<ObjectVersion> versions) {
		byte[] body = deleteBody(versions);
		SdkHttpFullRequest.Builder request = request(SdkHttpMethod.POST).putRawQueryParameter("delete", "")
			.putHeader("Content-Type", "application/xml")
			.putHeader("Content-Length", Integer.toString(body.length))
			// S3 wants a digest of a DeleteObjects body
			.putHeader("Content-MD5", Base64.getEncoder().encodeToString(digest("MD5", body)))
			.putHeader("x-amz-content-sha256", HexFormat.of().formatHex(digest("SHA-256", body)));
		return send("DeleteObjects", "delete " + versions.size() + " versions", request, body, DeleteErrors::parse);
	}

	/**
	 * The request's body, in a method of its own: the loop over a thousand keys is what
	 * the JIT compiles first, while the request is sent a few times a second. Inside
	 * {@link #delete} the loop's compilation took the signing and the HTTP call along: a
	 * fresh worker's first large purge spent 2.5 s compiling 45 KB of machine code for
	 * it, on the two cores the purge needed; the loop alone, 0.7 s (JFR,
	 * {@code make bench}, 7 December).
	 */
	static byte[] deleteBody(List<ObjectVersion> versions) {
		StringBuilder xml = new StringBuilder(versions.size() * 120).append("<Delete><Quiet>true</Quiet>");
		for (ObjectVersion version : versions) {
			xml.append("<Object><Key>").append(escape(version.key())).append("</Key>");
			if (version.versionId() != null) {
				xml.append("<VersionId>").append(escape(version.versionId())).append("</VersionId>");
			}
			xml.append("</Object>");
		}
		return xml.append("</Delete>").toString().getBytes(StandardCharsets.UTF_8);
	}

	private SdkHttpFullRequest.Builder request(SdkHttpMethod method) {
		SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
			.method(method)
			.protocol(this.scheme)
			.host(this.host)
			.encodedPath(this.path);
		if (this.port > 0) {
			request.port(this.port);
		}
		return request;
	}

	private <T> T send(String operation, String what, SdkHttpFullRequest.Builder request, byte[] body,
			Function<InputStream, T> read) {
		AwsCredentialsIdentity identity;
		try {
			identity = this.credentials.resolveIdentity().join();
		}
		catch (CompletionException | SdkException ex) {
			// as the SDK's client takes them: a credentials source may answer next time
			throw new ObjectStoreException("S3 " + what + ": no credentials: " + ex.getMessage(), true, ex);
		}
		ContentStreamProvider content = (body != null) ? () -> new ByteArrayInputStream(body) : null;
		SdkHttpFullRequest signed = (SdkHttpFullRequest) this.signer
			.sign((sign) -> sign.identity(identity)
				.request(request.build())
				.payload(content)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
				.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
				.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
				.putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
			.request();
		this.onRequest.accept(operation);
		try {
			HttpExecuteResponse response = this.http
				.prepareRequest(HttpExecuteRequest.builder().request(signed).contentStreamProvider(content).build())
				.call();
			try (InputStream answer = response.responseBody().orElse(AbortableInputStream.createEmpty())) {
				int status = response.httpResponse().statusCode();
				if (status == 200) {
					return read.apply(answer);
				}
				throw failure(what, status, answer);
			}
		}
		catch (IOException ex) {
			throw new ObjectStoreException("S3 " + what + " failed: " + ex.getMessage(), true, ex);
		}
	}

	/** Text for an XML element: the five characters XML reserves, escaped. */
	static String escape(String text) {
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String entity = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&apos;";
				default -> null;
			};
			if (entity != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (escaped != null) {
				if (entity != null) {
					escaped.append(entity);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	private static byte[] digest(String algorithm, byte[] body) {
		try {
			return MessageDigest.getInstance(algorithm).digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is part of every JRE", ex);
		}
	}

	private static ObjectStoreException failure(String what, int status, InputStream body) throws IOException {
		String text = new String(body.readNBytes(ERROR_TEXT), StandardCharsets.UTF_8);
		Matcher code = ERROR_CODE.matcher(text);
		String named = code.find() ? code.group(1) : "HTTP " + status;
		// the store's own words, for the operators who read the job's error
		Matcher message = ERROR_MESSAGE.matcher(text);
		String said = message.find() ? ": " + message.group(1) : "";
		boolean retryable = status >= 500 || status == 429 || "SlowDown".equals(named);
		return new ObjectStoreException("S3 " + what + " failed: " + status + " " + named + said, retryable);
	}

	@Override
	public void close() {
		this.http.close();
	}

}
