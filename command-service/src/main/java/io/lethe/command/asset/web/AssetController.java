package io.lethe.command.asset.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.TypedBody;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.problems.PayloadTooLargeException;
import io.lethe.command.asset.Asset;
import io.lethe.command.asset.AssetRequests;
import io.lethe.command.asset.AssetService;
import io.lethe.command.asset.MultipartUploads;
import io.lethe.command.asset.IncomingFile;
import io.lethe.command.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Assets: direct and multipart uploads, reads, and user metadata. */
@RestController
@RequestMapping("/api/v1/assets")
class AssetController {

	private final AssetService assets;

	private final MultipartUploads multipart;

	private final AssetRequests requests;

	private final long maxPartBytes;

	AssetController(AssetService assets, MultipartUploads multipart, JsonMapper json,
			@Value("${lethe.assets.max-part-size}") DataSize maxPartSize) {
		this.assets = assets;
		this.multipart = multipart;
		this.requests = new AssetRequests(json);
		this.maxPartBytes = maxPartSize.toBytes();
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "uploadAsset", summary = "Upload an asset", description = """
			Stores the multipart `file` as a new asset (content type, size and SHA-256 recorded), with \
			optional `metadata` (a flat JSON object, as a form field) and `asset_type`. Files larger \
			than the direct upload limit (100 MB by default) go through a multipart upload.""")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AssetResponse> upload(Caller caller,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "metadata", required = false) String metadata,
			@RequestParam(name = "asset_type", required = false) String assetType) {
		IncomingFile incoming = AssetRequests.file(file);
		Map<String, Object> userMetadata = this.requests.metadataField(metadata);
		Asset asset = this.assets.upload(caller, incoming, AssetRequests.type(assetType, incoming.contentType()),
				userMetadata, null, null);
		return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id())).body(AssetResponse.of(asset));
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "getAsset", summary = "Get an asset")
	@GetMapping("/{asset_id}")
	AssetResponse get(Caller caller, @PathVariable("asset_id") UUID id) {
		return AssetResponse.of(this.assets.get(caller, id));
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "listAssets", summary = "List assets", description = """
			The org's assets, newest first; `status` is `ready` (default) or `uploading`.""")
	@GetMapping
	PageResponse<AssetResponse> list(Caller caller, @RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		List<FieldError> errors = new ArrayList<>();
		Paging paging = Paging.parse(limit, offset, errors);
		String wanted = (status == null) ? Asset.READY : status.strip();
		if (!Asset.READY.equals(wanted) && !Asset.UPLOADING.equals(wanted)) {
			errors.add(FieldError.query("status", "Input should be 'ready' or 'uploading'", "enum"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return this.assets.list(caller, wanted, paging, AssetResponse::of);
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "mergeAssetMetadata", summary = "Change an asset's metadata", description = """
			Merges the keys sent into the asset's metadata (a flat object of at most 100 keys with \
			string, number or boolean values); `null` removes a key.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(type = "object", maxProperties = 100, description = """
					The keys to change, as a flat object (or wrapped: `{"metadata": {...}}`): each value \
					a string (at most 4,096 characters), a number, a boolean, or `null` to remove the \
					key.""", example = "{\"title\": \"A cat\", \"draft\": null}")))
	@PatchMapping("/{asset_id}/metadata")
	AssetResponse mergeMetadata(Caller caller, @PathVariable("asset_id") UUID id,
			@RequestBody(required = false) JsonNode body) {
		JsonNode changes = (body != null && body.has("metadata") && body.size() == 1) ? body.get("metadata") : body;
		return AssetResponse
			.of(this.assets.mergeMetadata(caller, id, this.requests.metadata(changes, "metadata", true)));
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "removeAssetMetadata", summary = "Remove keys of an asset's metadata", description = """
			Removes the `keys` named (repeat it or separate names with commas); without `keys`, all of \
			them.""")
	@DeleteMapping("/{asset_id}/metadata")
	AssetResponse removeMetadata(Caller caller, @PathVariable("asset_id") UUID id,
			@RequestParam(name = "keys", required = false) List<String> keys) {
		return AssetResponse.of(this.assets.removeMetadata(caller, id, (keys != null) ? keys : List.of()));
	}

	@Tag(name = Tags.UPLOADS)
	@Operation(operationId = "startUpload", summary = "Start a multipart upload", description = """
			Creates an asset in status `uploading` for a large file sent in parts; answers the asset, \
			whose id names the upload.""")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/uploads")
	ResponseEntity<AssetResponse> startUpload(Caller caller, @TypedBody UploadStart body) {
		String type = AssetRequests.contentType(body.contentType());
		Map<String, Object> userMetadata = (body.metadata() != null)
				? this.requests.metadata(body.metadata(), "metadata", false) : Map.of();
		Asset asset = this.multipart.start(caller, AssetRequests.filename(body.filename()), type,
				AssetRequests.type(body.assetType(), type), userMetadata);
		return ResponseEntity.created(URI.create("/api/v1/assets/uploads/" + asset.id())).body(AssetResponse.of(asset));
	}

	@Tag(name = Tags.UPLOADS)
	@Operation(operationId = "uploadPart", summary = "Send a part of an upload", description = """
			The part's bytes as the body, with a `Content-Length`; parts other than the last are at \
			least 5 MiB, each at most 64 MB by default. Sending a part number again replaces it.""")
	@ProblemResponse(status = 409, description = """
			The upload is no longer open (`upload-closed`) or its asset was deleted (`asset-deleted`).""")
	@ProblemResponse(status = 413, description = """
			The part is over the largest part size (`too-large`), or it would take the org past its \
			storage quota (`quota-exceeded`, naming it).""")
	@PutMapping(path = "/uploads/{asset_id}/parts/{part_number}", consumes = MediaType.ALL_VALUE)
	PartResponse uploadPart(Caller caller, @PathVariable("asset_id") UUID id,
			@PathVariable("part_number") int partNumber, HttpServletRequest request) throws IOException {
		long length = request.getContentLengthLong();
		if (length < 0) {
			throw new InvalidRequestException(new FieldError(List.of("header", "Content-Length"),
					"Send the part with a Content-Length", "missing"));
		}
		if (length > this.maxPartBytes) {
			throw new PayloadTooLargeException("A part can be at most " + this.maxPartBytes + " bytes.");
		}
		return PartResponse.of(this.multipart.part(caller, id, partNumber, request.getInputStream(), length));
	}

	@Tag(name = Tags.UPLOADS)
	@Operation(operationId = "completeUpload", summary = "Complete an upload", description = """
			Joins the parts into the asset's binary; the asset becomes `ready` with a \
			`sha256-composite:…-<parts>` checksum.""")
	@ProblemResponse(status = 409, description = """
			The upload has no parts (`upload-empty`), the store refused the parts (`upload-rejected`), \
			the upload is no longer open (`upload-closed`) or its asset was deleted (`asset-deleted`).""")
	@ProblemResponse(status = 413, description = """
			The asset would take the org past its storage quota (`quota-exceeded`, naming it).""")
	@PostMapping("/uploads/{asset_id}/complete")
	AssetResponse completeUpload(Caller caller, @PathVariable("asset_id") UUID id) {
		return AssetResponse.of(this.multipart.complete(caller, id));
	}

	@Tag(name = Tags.UPLOADS)
	@Operation(operationId = "abortUpload", summary = "Abort an upload", description = """
			Drops the upload and its parts.""")
	@ProblemResponse(status = 409, description = "The upload is no longer open (`upload-closed`).")
	@DeleteMapping("/uploads/{asset_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void abortUpload(Caller caller, @PathVariable("asset_id") UUID id) {
		this.multipart.abort(caller, id);
	}

}
