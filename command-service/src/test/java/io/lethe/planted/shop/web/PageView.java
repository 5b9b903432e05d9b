package io.lethe.planted.shop.web;

/** A web type of the shop feature. */
public record PageView(String title) {
}
