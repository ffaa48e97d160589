package io.fieldops.devstack;

import java.nio.file.Path;
import java.util.Map;

/** {@code ./devstack}: start the suite, print where it is, stay until Ctrl-C. */
public final class DevstackMain {

  private DevstackMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    Devstack stack;
    try {
      LaunchOptions options = LaunchOptions.parse(args, env);
      if (options.help()) {
        System.out.print(LaunchOptions.USAGE);
        return;
      }
      stack = options.toBuilder(Path.of("").toAbsolutePath(), env).build();
    } catch (IllegalArgumentException e) {
      System.err.println("devstack: " + e.getMessage() + "\n\n" + LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      stack.start();
    } catch (StartupException e) {
      System.err.println(StartupReport.render(e, stack));
      System.exit(1);
    }
    System.out.println(Banner.render(stack));
    stack.awaitClose();
  }
}
