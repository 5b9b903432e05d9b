package io.lethe.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lethe.stores.object.ObjectKeys;

/**
 * {@code aws s3 rm --recursive} on the sample's org prefix, when the awscli is installed.
 * On a versioned bucket it only hides the current versions behind new delete markers:
 * every version stays. So it does less than a purge, and its rate flatters it.
 */
final class AwsCli {

	private AwsCli() {
	}

	static Map<String, Object> run(BenchStack stack, java.net.URI endpoint, Seeder.Seeded seeded, long currentObjects)
			throws IOException, InterruptedException {
		Map<String, Object> result = new LinkedHashMap<>();
		ProcessBuilder builder = new ProcessBuilder(
				List.of("aws", "--endpoint-url", endpoint.toString(), "s3", "rm", "--recursive", "--only-show-errors",
						"s3://" + stack.s3.bucket() + "/" + ObjectKeys.orgPrefix(seeded.org())))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("AWS_ACCESS_KEY_ID", stack.s3.accessKey());
		builder.environment().put("AWS_SECRET_ACCESS_KEY", stack.s3.secretKey());
		builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
		long start = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			result.put("skipped", "aws not installed: " + ex.getMessage());
			return result;
		}
		if (!process.waitFor(15, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			result.put("skipped", "aws s3 rm did not finish within 15 minutes");
			return result;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		result.put("exit_code", process.exitValue());
		result.put("objects", currentObjects);
		result.put("seconds", seconds);
		result.put("objects_per_s", currentObjects / seconds);
		result.put("note", "deletes current versions only (leaves every version plus a delete marker)");
		return result;
	}

}
