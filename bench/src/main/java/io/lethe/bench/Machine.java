package io.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures ran on: cores, memory, CPU model, kernel, JVM, load at start. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("mem_total_gib", memTotalKib() / 1048576.0);
		machine.put("cpu", firstValue("/proc/cpuinfo", "model name"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("load_average_at_start", read("/proc/loadavg").trim());
		return machine;
	}

	private static long memTotalKib() {
		String value = firstValue("/proc/meminfo", "MemTotal");
		return (value == null) ? 0 : Long.parseLong(value.replaceAll("[^0-9]", ""));
	}

	private static String firstValue(String file, String name) {
		for (String line : read(file).split("\n")) {
			if (line.startsWith(name)) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return null;
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			return "";
		}
	}

}
