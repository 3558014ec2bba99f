package de.smartcitylod.cli;

import de.smartcitylod.build.BuildJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Convert and validate the CSV sources only; the store and dumps are not touched.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin BuildArgs args;

    @Override public Integer call() {
        BuildJob.Converted c = new BuildJob(args.options()).convertAndValidate();
        System.out.printf("Valid: %d quads from %d files%n", c.result().quads(), c.result().rowsPerFile().size());
        c.result().rowsPerFile().forEach((f, n) -> System.out.printf("  %-28s %6d rows%n", f, n));
        return 0;
    }
}
