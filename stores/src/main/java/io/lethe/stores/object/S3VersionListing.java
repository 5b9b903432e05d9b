package io.lethe.stores.object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code ListObjectVersions}, one page per call: a GET signed by the SDK's own SigV4
 * signer, sent on an SDK HTTP client, its answer read by {@link VersionPage} as it
 * streams in rather than by the SDK's unmarshaller (why: {@link VersionPage}). The other
 * S3 calls stay the SDK's.
 */
final class S3VersionListing implements AutoCloseable {

	/** SHA-256 of an empty body, which S3 wants named on every signed request. */
	private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

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

	S3VersionListing(S3Settings settings, Consumer<String> onRequest) {
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
		SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.GET)
			.protocol(this.scheme)
			.host(this.host)
			.encodedPath(this.path)
			.putRawQueryParameter("versions", "")
			.putRawQueryParameter("prefix", prefix)
			.putHeader("x-amz-content-sha256", EMPTY_BODY_SHA256);
		if (this.port > 0) {
			request.port(this.port);
		}
		if (keyMarker != null) {
			request.putRawQueryParameter("key-marker", keyMarker);
			if (versionIdMarker != null) {
				request.putRawQueryParameter("version-id-marker", versionIdMarker);
			}
		}
		AwsCredentialsIdentity identity;
		try {
			identity = this.credentials.resolveIdentity().join();
		}
		catch (CompletionException | SdkException ex) {
			// as the SDK's client takes them: a credentials source may answer next time
			throw new ObjectStoreException("S3 list versions: no credentials: " + ex.getMessage(), true, ex);
		}
		SdkHttpFullRequest signed = (SdkHttpFullRequest) this.signer
			.sign((sign) -> sign.identity(identity)
				.request(request.build())
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
				.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
				.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
				.putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
			.request();
		this.onRequest.accept("ListObjectVersions");
		try {
			HttpExecuteResponse response = this.http
				.prepareRequest(HttpExecuteRequest.builder().request(signed).build())
				.call();
			try (InputStream body = response.responseBody().orElse(AbortableInputStream.createEmpty())) {
				int status = response.httpResponse().statusCode();
				if (status == 200) {
					return VersionPage.parse(body);
				}
				throw failure(status, body);
			}
		}
		catch (IOException ex) {
			throw new ObjectStoreException("S3 list versions under " + prefix + " failed: " + ex.getMessage(), true,
					ex);
		}
	}

	private static ObjectStoreException failure(int status, InputStream body) throws IOException {
		String text = new String(body.readNBytes(ERROR_TEXT), StandardCharsets.UTF_8);
		Matcher code = ERROR_CODE.matcher(text);
		String named = code.find() ? code.group(1) : "HTTP " + status;
		boolean retryable = status >= 500 || status == 429 || "SlowDown".equals(named);
		return new ObjectStoreException("S3 list versions failed: " + status + " " + named, retryable);
	}

	@Override
	public void close() {
		this.http.close();
	}

}
