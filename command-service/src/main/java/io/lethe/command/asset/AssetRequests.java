package io.lethe.command.asset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.multipart.MultipartFile;

/**
 * Validation of asset input. User metadata is a flat object: at most 100 keys of 1..255
 * characters, each value a string (at most 4,096 characters), a number or a boolean.
 */
public final class AssetRequests {

	static final int MAX_KEYS = 100;

	private static final int MAX_KEY_LENGTH = 255;

	private static final int MAX_STRING = 4096;

	private static final int MAX_FILENAME = 255;

	private final JsonMapper json;

	public AssetRequests(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Metadata sent as a JSON text form field (multipart uploads); null or blank means
	 * none.
	 */
	public Map<String, Object> metadataField(String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		JsonNode node;
		try {
			node = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException(
					FieldError.body("metadata", "metadata must be a JSON object", "json_invalid"));
		}
		return metadata(node, "metadata", false);
	}

	/**
	 * A metadata object; {@code nullRemoves} lets a null value mean "remove this key"
	 * (PATCH).
	 */
	public Map<String, Object> metadata(JsonNode node, String field, boolean nullRemoves) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new InvalidRequestException(new FieldError(List.of("body"), "Field required", "missing"));
		}
		if (!node.isObject()) {
			throw new InvalidRequestException(FieldError.body(field, "Input should be a JSON object", "dict_type"));
		}
		List<FieldError> errors = new ArrayList<>();
		if (node.size() > MAX_KEYS) {
			errors.add(FieldError.body(field, "At most " + MAX_KEYS + " keys", "too_long"));
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Entry<String, JsonNode> entry : node.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			List<Object> loc = List.of("body", field, key);
			if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.indexOf('\u0000') >= 0) {
				errors.add(new FieldError(loc, "Keys have 1 to " + MAX_KEY_LENGTH + " characters", "key_length"));
			}
			else if (value.isNull() && nullRemoves) {
				values.put(key, null);
			}
			else if (value.isString() && value.stringValue().length() <= MAX_STRING
					&& value.stringValue().indexOf('\u0000') < 0) {
				values.put(key, value.stringValue());
			}
			else if (value.isNumber()) {
				values.put(key, value.decimalValue());
			}
			else if (value.isBoolean()) {
				values.put(key, value.booleanValue());
			}
			else {
				errors.add(new FieldError(loc,
						"Values are strings (at most " + MAX_STRING + " characters), numbers or booleans",
						"metadata_value"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return values;
	}

	/** The uploaded file, which must be present and not empty. */
	public static IncomingFile file(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidRequestException(FieldError.body("file", "A non-empty file is required", "missing"));
		}
		try {
			return new IncomingFile(filename(file.getOriginalFilename()), contentType(file.getContentType()),
					file.getSize(), file.getInputStream());
		}
		catch (java.io.IOException ex) {
			throw new InvalidRequestException(FieldError.body("file", "The file could not be read", "file_unreadable"));
		}
	}

	/** The asset type asked for, or the one the content type implies. */
	public static AssetType type(String requested, String contentType) {
		if (requested == null || requested.isBlank()) {
			return AssetType.fromContentType(contentType);
		}
		return AssetType.of(requested.strip())
			.orElseThrow(() -> new InvalidRequestException(
					FieldError.body("asset_type", "Input should be 'audio', 'document', 'image' or 'video'", "enum")));
	}

	/**
	 * The last path segment of a client's file name, without control characters, at most
	 * 255 characters.
	 */
	public static String filename(String name) {
		String base = (name == null) ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (base.isEmpty()) {
			base = "upload";
		}
		return (base.length() > MAX_FILENAME) ? base.substring(0, MAX_FILENAME) : base;
	}

	public static String contentType(String type) {
		if (type == null || type.isBlank() || type.length() > 255 || !type.contains("/")) {
			return "application/octet-stream";
		}
		return type.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
