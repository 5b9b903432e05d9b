package io.lethe.command.entity;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lethe.problems.NotFoundException;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.asset.AssetService;
import io.lethe.command.auth.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entities and their associations with the org's assets. */
@Service
public class EntityService {

	private final Entities entities;

	private final AssetService assets;

	private final Clock clock;

	EntityService(Entities entities, AssetService assets, Clock clock) {
		this.entities = entities;
		this.assets = assets;
		this.clock = clock;
	}

	@Transactional
	public Entity create(Caller caller, String name, String description) {
		Entity entity = new Entity(UUID.randomUUID(), caller.orgId(), name, description,
				this.clock.instant().truncatedTo(ChronoUnit.MICROS), caller.principal());
		this.entities.insert(entity);
		return entity;
	}

	@Transactional(readOnly = true)
	public Entity get(Caller caller, UUID id) {
		return this.entities.find(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Entity " + id));
	}

	@Transactional(readOnly = true)
	public <T> PageResponse<T> list(Caller caller, Paging paging, java.util.function.Function<Entity, T> view) {
		return paging.page(
				this.entities.page(caller.orgId(), paging.limit(), paging.offset()).stream().map(view).toList(),
				this.entities.count(caller.orgId()));
	}

	/** Associates the assets with the entity; linking twice changes nothing. */
	@Transactional
	public List<UUID> link(Caller caller, UUID entityId, List<UUID> assetIds) {
		get(caller, entityId);
		assetIds.forEach((asset) -> this.assets.get(caller, asset));
		assetIds.forEach((asset) -> this.entities.link(caller.orgId(), entityId, asset, this.clock.instant()));
		return this.entities.assetsOf(caller.orgId(), entityId);
	}

	@Transactional
	public void unlink(Caller caller, UUID entityId, UUID assetId) {
		get(caller, entityId);
		if (this.entities.unlink(caller.orgId(), entityId, assetId) == 0) {
			throw new NotFoundException("Association of entity " + entityId + " with asset " + assetId);
		}
	}

	/**
	 * Unlinks every entity association of the asset (a force delete does); returns how
	 * many.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public int unlinkAll(Caller caller, UUID assetId) {
		return this.entities.unlinkAll(caller.orgId(), assetId);
	}

	@Transactional(readOnly = true)
	public List<UUID> assetsOf(Caller caller, UUID entityId) {
		get(caller, entityId);
		return this.entities.assetsOf(caller.orgId(), entityId);
	}

	/** The entities whose associations a force delete of the asset would unlink. */
	@Transactional(readOnly = true)
	public List<Entity> ofAsset(Caller caller, UUID assetId) {
		this.assets.get(caller, assetId);
		return this.entities.ofAsset(caller.orgId(), assetId);
	}

}
