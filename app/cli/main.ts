#!/usr/bin/env node
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runCli } from './cli';
import { stderrLogger } from './cli-output';

Logger.overrideLogger(stderrLogger(process.stderr));
runCli(process.argv.slice(2), process.env, process.stdout, process.stderr).then(
  (code) => (process.exitCode = code),
  () => (process.exitCode = 1),
);
