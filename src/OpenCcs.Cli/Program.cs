using OpenCcs.Cli;

return await CcsCommand.Build().Parse(args).InvokeAsync();
