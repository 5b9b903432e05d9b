package io.lethe.command.api;

import java.util.ArrayList;
import java.util.List;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PagingTests {

	@Test
	void absentParametersMeanTheFirstPageOfTwenty() {
		assertThat(Paging.parse(null, " ")).isEqualTo(new Paging(20, 0));
	}

	@Test
	void everyInvalidParameterIsNamedAtOnce() {
		List<FieldError> errors = new ArrayList<>();
		Paging.parse("101", "x", errors);
		assertThat(errors).extracting(FieldError::loc, FieldError::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("query", "limit"), "range"),
					org.assertj.core.groups.Tuple.tuple(List.of("query", "offset"), "int_parsing"));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> Paging.parse("0", "-1"))
			.satisfies((ex) -> assertThat(ex.errors()).hasSize(2));
	}

	@Test
	void theLastPageHasNoNextOffset() {
		Paging paging = Paging.parse("2", "2");
		assertThat(paging.page(List.of("c", "d"), 5).meta().nextOffset()).isEqualTo(4L);
		assertThat(paging.page(List.of("c"), 3).meta().nextOffset()).isNull();
	}

}
