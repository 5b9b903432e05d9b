package io.lethe.purge.engine;

import java.util.List;

/**
 * The plan for purging one type of root: its steps in order. A new kind of purge (an
 * asset, samples) plugs in as another bean of this type.
 */
interface RootPurge {

	String rootType();

	List<PurgeStep> steps();

}
