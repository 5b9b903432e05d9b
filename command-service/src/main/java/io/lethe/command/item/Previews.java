package io.lethe.command.item;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Derives an item's preview: for images a real downscaled JPEG (longest side at most
 * {@value #MAX_SIDE} pixels); for other media, or images it cannot decode, a small
 * placeholder JPEG whose pattern is derived from the source's checksum. Huge images are
 * read subsampled so that memory stays bounded.
 */
final class Previews {

	static final int MAX_SIDE = 256;

	/** Images with more pixels than this are not decoded at all (decompression bombs). */
	private static final long MAX_PIXELS = 200_000_000L;

	/** Decode at most about this many pixels on the longest side before scaling down. */
	private static final int DECODE_SIDE = 2048;

	private Previews() {
	}

	static byte[] of(boolean image, InputStream source, String fingerprint) {
		if (image) {
			BufferedImage decoded = decode(source);
			if (decoded != null) {
				return jpeg(scale(decoded));
			}
		}
		return jpeg(placeholder(fingerprint));
	}

	private static BufferedImage decode(InputStream source) {
		try (ImageInputStream in = ImageIO.createImageInputStream(source)) {
			if (in == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					return null;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / DECODE_SIDE);
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not an image we can read (corrupt, truncated, exotic): the item gets a
			// placeholder instead.
			return null;
		}
	}

	private static BufferedImage scale(BufferedImage source) {
		double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return scaled;
	}

	private static BufferedImage placeholder(String fingerprint) {
		byte[] seed = sha256(fingerprint);
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(seed[0] & 0xff, seed[1] & 0xff, seed[2] & 0xff));
			g.fillRect(0, 0, 64, 64);
			g.setColor(new Color(seed[3] & 0xff, seed[4] & 0xff, seed[5] & 0xff));
			for (int i = 0; i < 8; i++) {
				if ((seed[6 + i] & 1) == 1) {
					g.fillRect(i * 8, 0, 8, 64);
				}
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.8f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
