package io.lethe.planted.billing;

import io.lethe.planted.shop.internal.Stock;

/** Planted: a feature that reaches into another feature's internals. */
public class Invoices {

	public int lines(Stock stock) {
		return stock.count();
	}

}
