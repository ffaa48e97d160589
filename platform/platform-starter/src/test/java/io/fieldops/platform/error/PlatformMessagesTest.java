package io.fieldops.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;

/** A service without its own messages.properties still gets the platform's messages. */
class PlatformMessagesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
          .withPropertyValues(
              "spring.messages.basename=no-such-service-messages,fieldops/platform-messages",
              "spring.messages.fallback-to-system-locale=false");

  @Test
  void platformBundleWorksWithoutServiceBundle() {
    runner.run(
        context -> {
          ProblemFactory problems = new ProblemFactory(context.getBean(MessageSource.class));
          assertThat(problems.message("fieldops.problem.forbidden", Locale.ENGLISH))
              .isEqualTo("Access denied");
          assertThat(problems.message("fieldops.problem.forbidden", Locale.forLanguageTag("th")))
              .isEqualTo("ไม่มีสิทธิ์เข้าถึง");
        });
  }

  @Test
  void unknownLanguageFallsBackToEnglishNotTheJvmLocale() {
    runner.run(
        context -> {
          ProblemFactory problems = new ProblemFactory(context.getBean(MessageSource.class));
          assertThat(problems.message("fieldops.problem.forbidden", Locale.GERMAN))
              .isEqualTo("Access denied");
        });
  }

  @Test
  void textThatIsNoKeyIsUsedLiterally() {
    runner.run(
        context -> {
          ProblemFactory problems = new ProblemFactory(context.getBean(MessageSource.class));
          assertThat(problems.message("This time slot is already reserved", Locale.ENGLISH))
              .isEqualTo("This time slot is already reserved");
        });
  }
}
