package io.lethe.bench.floor;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The two routes the load generator drives, on the same paths as the command service. */
@RestController
class FloorController {

	private final FloorDatasets datasets;

	FloorController(FloorDatasets datasets) {
		this.datasets = datasets;
	}

	@PostMapping("/api/v1/datasets")
	ResponseEntity<FloorDataset> create(@RequestBody CreateDataset request) {
		if (request.name() == null || request.name().isBlank()) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.datasets.create(request.name()));
	}

	@DeleteMapping("/api/v1/datasets/{id}")
	ResponseEntity<Map<String, Object>> delete(@PathVariable UUID id) {
		return this.datasets.delete(id)
			.map((deleted) -> ResponseEntity
				.ok(Map.<String, Object>of("id", deleted.id(), "name", deleted.name(), "status", deleted.status())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	record CreateDataset(String name) {
	}

	record FloorDataset(UUID id, String name, String status) {
	}

}
