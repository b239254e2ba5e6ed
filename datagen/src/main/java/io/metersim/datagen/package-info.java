/** Deterministic, realistic household load data: six end-use components per meter, generated from a seed. */
package io.metersim.datagen;
