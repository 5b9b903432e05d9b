package io.lethe.planted.shop;

import org.springframework.web.bind.annotation.RestController;

/** Planted: a controller outside its feature's web package. */
@RestController
public class ShopController {

}
