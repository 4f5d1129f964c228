using ChaosFeatures.Merge.Cli;

return await MergeCli.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
