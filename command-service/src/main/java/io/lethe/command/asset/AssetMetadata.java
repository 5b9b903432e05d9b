package io.lethe.command.asset;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/** User-defined metadata of assets: a flat JSON object of scalars, stored as JSONB. */
@Component
class AssetMetadata {

	private final JsonMapper json;

	AssetMetadata(JsonMapper json) {
		this.json = json;
	}

	String toJson(Map<String, Object> values) {
		return this.json.writeValueAsString((values != null) ? values : Map.of());
	}

	String merge(String current, Map<String, Object> changes) {
		ObjectNode merged = object(current);
		changes.forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else {
				merged.set(key, this.json.valueToTree(value));
			}
		});
		return merged.toString();
	}

	String remove(String current, List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			return "{}";
		}
		ObjectNode remaining = object(current);
		keys.forEach(remaining::remove);
		return remaining.toString();
	}

	private ObjectNode object(String text) {
		JsonNode node = this.json.readTree((text != null) ? text : "{}");
		return (node instanceof ObjectNode object) ? object.deepCopy() : this.json.createObjectNode();
	}

}
