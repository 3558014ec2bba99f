package de.smartcitylod.cli;

import de.smartcitylod.read.DataException;
import de.smartcitylod.validate.ShaclValidation;
import picocli.CommandLine;

/** Turns data and validation errors into a readable report and exit code 1, without a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        var err = cmd.getErr();
        if (ex instanceof DataException de) {
            err.println("Input data has " + de.errors().size() + " error(s); nothing was changed:");
            de.errors().forEach(e -> err.println("  " + e));
        } else if (ex instanceof ShaclValidation.ViolationsException ve) {
            err.println("SHACL validation failed with " + ve.violations().size() + " violation(s); nothing was changed:");
            ve.violations().forEach(v -> err.println("  " + v));
        } else if (ex.getClass().getSimpleName().equals("BuildRunningException")) {
            err.println("smartcity: " + ex.getMessage());
        } else {
            err.println("smartcity: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
