package io.lethe.command.api;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void anIpv4ClientIsItsAddress() {
		assertThat(ClientAddress.of(from("203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(ClientAddress.of(from("203.0.113.8"))).isEqualTo("203.0.113.8");
	}

	@Test
	void anIpv6ClientIsItsSlash64SoThatItCannotTakeAFreshAddressPerRequest() {
		String one = ClientAddress.of(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));

		assertThat(ClientAddress.of(from("2001:db8:1:2::1"))).isEqualTo(one);
		assertThat(ClientAddress.of(from("2001:db8:1:3::1"))).isNotEqualTo(one);
		assertThat(one).isEqualTo("20010db800010002::/64");
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		return request;
	}

}
