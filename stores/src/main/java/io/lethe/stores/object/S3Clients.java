package io.lethe.stores.object;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The AWS SDK client behind an {@link S3ObjectStore}, as its settings describe it. */
final class S3Clients {

	private S3Clients() {
	}

	static S3Client build(S3Settings settings, ExecutionInterceptor interceptor) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(settings.maxConnections())
				.connectionTimeout(Duration.ofSeconds(5))
				.socketTimeout(Duration.ofSeconds(60)))
			.overrideConfiguration((config) -> config.apiCallAttemptTimeout(settings.callTimeout())
				.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
					.toBuilder()
					.maxAttempts(settings.sdkAttempts())
					.build())
				.addExecutionInterceptor(interceptor));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		builder.credentialsProvider(credentials(settings));
		return builder.build();
	}

	static AwsCredentialsProvider credentials(S3Settings settings) {
		if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	/**
	 * The HTTP client of the calls Lethe signs, writes and reads itself
	 * ({@link S3PurgeCalls}).
	 */
	static SdkHttpClient http(S3Settings settings) {
		return ApacheHttpClient.builder()
			.maxConnections(settings.maxConnections())
			.connectionTimeout(Duration.ofSeconds(5))
			.socketTimeout(settings.callTimeout())
			.build();
	}

}
