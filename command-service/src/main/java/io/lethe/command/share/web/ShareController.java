package io.lethe.command.share.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.auth.Caller;
import io.lethe.command.share.ShareService;
import io.lethe.command.share.ShareService.Link;
import io.lethe.command.share.ShareService.Share;
import io.lethe.command.share.ShareService.SharedDataset;
import io.lethe.problems.TypedBodies;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import jakarta.servlet.http.HttpServletResponse;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating, listing and revoking share links (with a key) and opening them (without one).
 */
@Tag(name = Tags.SHARE_LINKS)
@RestController
class ShareController {

	private static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

	private static final Duration MAX_LIFETIME = Duration.ofDays(90);

	private final ShareService shares;

	private final String publicUrl;

	private final TypedBodies bodies;

	ShareController(ShareService shares, JsonMapper json, Validator validator,
			@Value("${lethe.public-url}") String publicUrl) {
		this.bodies = new TypedBodies(json, validator);
		this.shares = shares;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@Operation(operationId = "createShareLink", summary = "Create a share link", description = """
			A public, read-only link to the dataset's summary that lives `expires_in` (ISO-8601, \
			default `P7D`, at most `P90D`). This is the only answer that carries the token: it is \
			stored only as a hash.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(schema = @Schema(implementation = ShareCreate.class)))
	@PostMapping("/api/v1/datasets/{dataset_id}/shares")
	ResponseEntity<ShareResponse> create(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@RequestBody(required = false) JsonNode json) {
		Duration lifetime = DEFAULT_LIFETIME;
		if (json != null && !json.isNull()) {
			TypedBodies.Body<ShareCreate> body = this.bodies.read(json, ShareCreate.class);
			if (body.value().expiresIn() != null) {
				lifetime = lifetime(body, body.value().expiresIn());
			}
			body.valid();
		}
		Share share = this.shares.create(caller, datasetId, lifetime);
		return ResponseEntity.status(HttpStatus.CREATED).body(ShareResponse.of(share, this.publicUrl));
	}

	@Operation(operationId = "listShareLinks", summary = "List a dataset's share links", description = """
			Newest first, revoked and expired ones included, never with a token.""")
	@GetMapping("/api/v1/datasets/{dataset_id}/shares")
	PageResponse<ShareLinkResponse> list(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		PageResponse<Link> page = this.shares.list(caller, datasetId, Paging.parse(limit, offset));
		return new PageResponse<>(page.data().stream().map(ShareLinkResponse::of).toList(), page.meta());
	}

	@Operation(operationId = "revokeShareLink", summary = "Revoke a share link", description = """
			The link stops working at once; the dataset's other links keep working. Revoking a revoked \
			link answers 204 again.""")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/datasets/{dataset_id}/shares/{share_id}")
	ResponseEntity<Void> revoke(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@PathVariable("share_id") UUID shareId) {
		this.shares.revoke(caller, datasetId, shareId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The header is set before the token is looked up, so that the 404 of an unknown,
	 * revoked or expired token carries it too: no cache keeps a bearer URL's answer.
	 */
	@Operation(operationId = "openShareLink", summary = "Open a share link", description = """
			The dataset's public summary, without a key. An unknown, revoked or expired token, or a \
			deleted dataset, all get the same 404; no answer may be cached (`Cache-Control: no-store`).""")
	@GetMapping("/share/{token}")
	SharedDatasetResponse open(@PathVariable("token") String token, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		SharedDataset shared = this.shares.open(token);
		return new SharedDatasetResponse(new SharedDatasetResponse.DatasetSummary(shared.id(), shared.name(),
				shared.description(), shared.itemCount(), shared.createdDt()), shared.expiresAt());
	}

	private static Duration lifetime(TypedBodies.Body<?> body, String value) {
		try {
			Duration lifetime = Duration.parse(value);
			if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
				body.error("expires_in", "Between PT1S and " + MAX_LIFETIME, "range");
			}
			return lifetime;
		}
		catch (DateTimeParseException ex) {
			body.error("expires_in", "Input should be an ISO-8601 duration such as P7D", "duration_parsing");
			return DEFAULT_LIFETIME;
		}
	}

	/** A new share link. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ShareResponse(UUID id, String url, String token, Instant expiresAt) {

		static ShareResponse of(Share share, String publicUrl) {
			return new ShareResponse(share.id(), publicUrl + "/share/" + share.token(), share.token(),
					share.expiresAt());
		}

	}

	/** A dataset's share link as listed: never its token, which is not stored. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ShareLinkResponse(UUID id, Instant createdAt, String createdBy, Instant expiresAt, @Schema(types = {
			"string", "null" }, format = "date-time") Instant revokedAt){

		static ShareLinkResponse of(Link link) {
			return new ShareLinkResponse(link.id(), link.createdAt(), link.createdBy(), link.expiresAt(),
					link.revokedAt());
		}

	}

	/** What an open share link shows, without a key. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SharedDatasetResponse(DatasetSummary dataset, Instant expiresAt) {

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record DatasetSummary(UUID id, String name, @Schema(types = {
				"string", "null" }) String description, long itemCount, Instant createdDt){
		}

	}

}
