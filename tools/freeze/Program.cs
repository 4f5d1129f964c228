using ChaosFeatures.Freeze.Cli;

return await FreezeCli.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
