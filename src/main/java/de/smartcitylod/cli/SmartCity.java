package de.smartcitylod.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code smartcity} command line. */
@Command(name = "smartcity", mixinStandardHelpOptions = true, version = "smartcity-lod 0.1.0",
        description = "Builds German smart-city open data into linked data and serves it.",
        subcommands = {BuildCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class SmartCity implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SmartCity()).setExecutionExceptionHandler(new ErrorHandler());
    }
}
