package io.lethe.planted;

/**
 * A small application whose code breaks every structure rule once, so that a test can
 * show each rule failing: its features are {@code shop} and {@code billing}.
 */
@org.springframework.modulith.Modulithic
public final class PlantedApplication {

	private PlantedApplication() {
	}

}
