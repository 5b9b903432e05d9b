package io.lethe.planted.shop.internal;

/** An internal type of the shop feature, which other features must not use. */
public record Stock(int count) {
}
