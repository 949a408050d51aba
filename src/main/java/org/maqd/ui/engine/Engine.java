package org.maqd.ui.engine;

/** The engine services the workbench uses, bundled so tests can pass their own. */
public record Engine(ExperimentFiles files, NetworkAnalyzer analyzer, Trainer trainer, QuantMath quant, Deployer deployer, Reports reports) {
    public static Engine standard() {
        return new Engine(new EngineExperimentFiles(), new EngineNetworkAnalyzer(), new EngineTrainer(), new EngineQuantMath(), new EngineDeployer(), new EngineReports());
    }
}
